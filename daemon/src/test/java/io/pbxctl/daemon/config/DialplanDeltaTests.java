package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pbxctl.daemon.asterisk.DialplanEdit;
import io.pbxctl.daemon.asterisk.DialplanEdit.Add;
import io.pbxctl.daemon.asterisk.DialplanEdit.Remove;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a generated dialplan as pbx_config does, and the AMI edits between two versions of it. */
class DialplanDeltaTests {

    private static final String BASE = """
            [globals]
            PBX_AGI=agi://127.0.0.1:4573

            ; shared
            [pbx-outbound]
            exten => s,1,Set(PBX_RESULT=)
             same => n,AGI(${PBX_AGI}/outbound,${ARG1})
             same => n(allowed),Set(CHANNEL(hangup_handler_push)=pbx-settle,s,1)
             same => n,Return()

            [pbx~acme~devices]
            include => pbx~acme~extensions

            [pbx~acme~extensions]
            exten => 100,hint,PJSIP/acme-alice-desk&PJSIP/acme-alice-soft
            exten => 100,1,Gosub(pbx-internal,s,1(acme,100,pbx~acme~extensions))
             same => n,Hangup()
            exten => 101,hint,PJSIP/acme-bob
            exten => 101,1,Gosub(pbx-internal,s,1(acme,101,pbx~acme~extensions))
             same => n,Hangup()
            """;

    @Test
    void readsPrioritiesLabelsHintsAndApplicationDataAsPbxConfigDoes() {
        Dialplan dialplan = Dialplan.parse(BASE);

        assertThat(dialplan.contexts()).containsOnlyKeys("globals", "pbx-outbound", "pbx~acme~devices", "pbx~acme~extensions");
        assertThat(dialplan.contexts().get("globals").directives()).containsExactly("PBX_AGI => agi://127.0.0.1:4573");
        assertThat(dialplan.contexts().get("pbx-outbound").extensions().get("s")).containsExactly(
                new Dialplan.Priority("1", null, "Set", "PBX_RESULT="),
                new Dialplan.Priority("2", null, "AGI", "${PBX_AGI}/outbound,${ARG1}"),
                new Dialplan.Priority("3", "allowed", "Set", "CHANNEL(hangup_handler_push)=pbx-settle,s,1"),
                new Dialplan.Priority("4", null, "Return", ""));
        assertThat(dialplan.contexts().get("pbx~acme~devices").directives()).containsExactly("include => pbx~acme~extensions");
        assertThat(dialplan.contexts().get("pbx~acme~extensions").extensions().get("100")).containsExactly(
                new Dialplan.Priority("hint", null, "PJSIP/acme-alice-desk&PJSIP/acme-alice-soft", ""),
                new Dialplan.Priority("1", null, "Gosub", "pbx-internal,s,1(acme,100,pbx~acme~extensions)"),
                new Dialplan.Priority("2", null, "Hangup", ""));
    }

    @Test
    void readsEveryGoldenFileOfTheTemplates() throws IOException {
        for (String scenario : List.of("one-tenant", "two-tenants", "three-devices", "conferences", "inbound-numbers")) {
            try (InputStream in = getClass().getResourceAsStream("/golden/" + scenario + "/extensions.d/pbx-generated.conf")) {
                Dialplan dialplan = Dialplan.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(dialplan.contexts()).as(scenario).containsKeys("globals", "pbx-outbound", "pbx-dids");
                assertThat(DialplanDelta.between(dialplan, dialplan)).as(scenario).contains(List.of());
            }
        }
    }

    @Test
    void refusesTextThatIsNotADialplan() {
        assertThatThrownBy(() -> Dialplan.parse("exten => 1,1,NoOp()\n")).hasMessageContaining("outside any context");
        assertThatThrownBy(() -> Dialplan.parse("[a]\nsame => n,NoOp()\n")).hasMessageContaining("'same'");
    }

    @Test
    void anUnchangedFileNeedsNoEdit() {
        assertThat(DialplanDelta.between(Dialplan.parse(BASE), Dialplan.parse(BASE))).contains(List.of());
    }

    @Test
    void aNewExtensionIsAddedWithItsHint() {
        String after = BASE + """
                exten => 120,hint,PJSIP/acme-newcomer
                exten => 120,1,Gosub(pbx-internal,s,1(acme,120,pbx~acme~extensions))
                 same => n,Hangup()
                """;

        assertThat(edits(BASE, after)).containsExactly(
                new Add("pbx~acme~extensions", "120", "hint", "PJSIP/acme-newcomer", ""),
                new Add("pbx~acme~extensions", "120", "1", "Gosub", "pbx-internal,s,1(acme,120,pbx~acme~extensions)"),
                new Add("pbx~acme~extensions", "120", "2", "Hangup", ""));
    }

    @Test
    void aRemovedExtensionGoesWithAllItsPrioritiesAndHint() {
        String after = BASE.replace("""
                exten => 101,hint,PJSIP/acme-bob
                exten => 101,1,Gosub(pbx-internal,s,1(acme,101,pbx~acme~extensions))
                 same => n,Hangup()
                """, "");

        assertThat(edits(BASE, after)).containsExactly(new Remove("pbx~acme~extensions", "101", null));
    }

    @Test
    void aChangedDeviceListRewritesOnlyTheHint() {
        String after = BASE.replace("exten => 101,hint,PJSIP/acme-bob", "exten => 101,hint,PJSIP/acme-bob&PJSIP/acme-bob-web");

        assertThat(edits(BASE, after)).containsExactly(
                new Add("pbx~acme~extensions", "101", "hint", "PJSIP/acme-bob&PJSIP/acme-bob-web", ""));
    }

    @Test
    void aUserWithoutDevicesLosesTheHintButKeepsTheExtension() {
        String after = BASE.replace("exten => 101,hint,PJSIP/acme-bob\n", "");

        assertThat(edits(BASE, after)).containsExactly(new Remove("pbx~acme~extensions", "101", "hint"));
    }

    @Test
    void newAndChangedPrioritiesAreWrittenBeforeTheOnesGoneAreRemoved() {
        String before = BASE + """
                [pbx~acme~rooms]
                exten => 5000,1,Gosub(pbx-conference,s,1(acme,5000))
                 same => n,Wait(1)
                 same => n,Hangup()
                """;
        String after = BASE + """
                [pbx~acme~rooms]
                exten => 5000,1,Gosub(pbx-conference,s,1(acme,5000))
                 same => n,Hangup()
                """;

        assertThat(edits(before, after)).containsExactly(
                new Add("pbx~acme~rooms", "5000", "2", "Hangup", ""),
                new Remove("pbx~acme~rooms", "5000", "3"));
    }

    @Test
    void changesThatAreNotExtensionsNeedAFullReload() {
        String newTenant = BASE + """
                [pbx~other~extensions]
                exten => 100,1,Gosub(pbx-internal,s,1(other,100,pbx~other~extensions))
                """;
        String goneContext = BASE.replace("[pbx~acme~devices]\ninclude => pbx~acme~extensions\n", "");
        String newInclude = BASE.replace("include => pbx~acme~extensions", "include => pbx~acme~extensions\ninclude => pbx-features");
        String newGlobal = BASE.replace("PBX_AGI=agi://127.0.0.1:4573", "PBX_AGI=agi://127.0.0.1:4574");
        String labelled = BASE.replace(" same => n(allowed),Set(", " same => n(permitted),Set(");
        String escaped = BASE.replace("exten => 101,1,Gosub(pbx-internal,s,1(acme,101,pbx~acme~extensions))",
                "exten => 101,1,Set(PJSIP_HEADER(add,Call-Info)=<sip:pbx>\\;answer-after=0)");

        for (String after : List.of(newTenant, goneContext, newInclude, newGlobal, labelled, escaped)) {
            assertThat(DialplanDelta.between(Dialplan.parse(BASE), Dialplan.parse(after))).as(after).isEmpty();
        }
    }

    private static List<DialplanEdit> edits(String before, String after) {
        return DialplanDelta.between(Dialplan.parse(before), Dialplan.parse(after)).orElseThrow();
    }
}
