package io.pbxctl.agi.script;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.numbering.NumberingPlan;
import io.pbxctl.agi.numbering.PrefixRule;
import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.policy.QuotaState;
import io.pbxctl.agi.policy.Rights;
import io.pbxctl.agi.port.OutboundCaller;
import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Tenant "acme" (id 7) in Hanoi, its device alice-desk (id 11) and what the outbound script answers. */
final class OutboundFixtures {

    static final Instant NOW = Instant.parse("2024-05-10T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long MINIMUM = 60;
    static final long TENANT_ID = 7;
    static final String TENANT = "acme";
    static final String DEVICE = "alice-desk";
    static final long DEVICE_ID = 11;
    static final String MOBILE = "0912345678";

    static final NumberingPlan HANOI = new NumberingPlan(Country.VN, "024", List.of(
            new PrefixRule("113", Direction.EMERGENCY, false),
            new PrefixRule("114", Direction.EMERGENCY, false),
            new PrefixRule("115", Direction.EMERGENCY, false),
            new PrefixRule("09", Direction.MOBILE, false),
            new PrefixRule("024", Direction.LONG_DISTANCE, true),
            new PrefixRule("028", Direction.LONG_DISTANCE, true),
            new PrefixRule("1900", Direction.SPECIAL, false),
            new PrefixRule("00", Direction.INTERNATIONAL, false)), List.of());

    static final Route ACME_ROUTE = new Route(List.of("viettel", "vnpt"), "02437654321", "Acme Hanoi");

    private OutboundFixtures() {
    }

    static Rights rights(CallClass callClass, QuotaState quota, Direction... closed) {
        return new Rights(true, callClass, Set.of(closed), quota);
    }

    static Party party(long userId, Rights rights, Route route) {
        return new Party(userId, rights, rights.quota().limited() ? 100 : null, LocalDate.of(2024, 5, 1), route);
    }

    static OutboundCaller caller(AccountCodeMode mode, boolean needsCode, Party party) {
        return new OutboundCaller(TENANT_ID, TENANT, DEVICE_ID, mode, needsCode, party, HANOI);
    }

    /** An allowed call over acme's two trunks. */
    static List<String> allowed(String direction, String number, long limitMs, String label) {
        return List.of("PBX_DIRECTION=" + direction, "PBX_NUMBER=" + number, "PBX_TRUNK_COUNT=2",
                "PBX_TRUNK_1=PJSIP/" + number + "@trunk~acme~viettel", "PBX_TRUNK_2=PJSIP/" + number + "@trunk~acme~vnpt",
                "PBX_CALLERID_NUM=02437654321", "PBX_CALLERID_NAME=Acme Hanoi", "PBX_LIMIT_MS=" + limitMs,
                "PBX_ACCOUNT_LABEL=" + label, "PBX_REASON=", "PBX_RESULT=ALLOWED");
    }

    /** A refusal once the number was classified (direction empty when it was not). */
    static List<String> refused(String reason, String direction, String number) {
        return List.of("PBX_DIRECTION=" + direction, "PBX_NUMBER=" + number, "PBX_TRUNK_COUNT=0", "PBX_LIMIT_MS=0",
                "PBX_ACCOUNT_LABEL=", "PBX_REASON=" + reason, "PBX_RESULT=REFUSED");
    }

    /** A refusal before anything was looked up or classified. */
    static List<String> refusedEarly(String reason) {
        return List.of("PBX_REASON=" + reason, "PBX_RESULT=REFUSED");
    }
}
