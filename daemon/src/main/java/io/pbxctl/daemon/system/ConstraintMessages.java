package io.pbxctl.daemon.system;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a database constraint violation into the field and sentence an administrator needs.
 * The database is the last word on uniqueness and references (it also settles races between
 * two requests), so its refusals must read as well as the API's own checks.
 */
public final class ConstraintMessages {

    /** The field a violated constraint concerns and what to tell the person. */
    public record Explanation(String field, String message) {
    }

    private static final Pattern CONSTRAINT_NAME = Pattern.compile(
            "(?:for key '(?:[A-Za-z0-9_]+\\.)?|CONSTRAINT `)([A-Za-z0-9_]+)");

    private static final Map<String, Explanation> EXPLANATIONS = Map.ofEntries(
            Map.entry("uq_tenant_slug", new Explanation("slug", "another tenant already has this slug")),
            Map.entry("uq_department_tenant_name", new Explanation("name", "this tenant already has a department with this name")),
            Map.entry("uq_trunk_tenant_name", new Explanation("name", "this tenant already has a trunk with this name")),
            Map.entry("uq_outbound_group_tenant_name", new Explanation("name", "this tenant already has an outbound group with this name")),
            Map.entry("uq_extension_tenant_number", new Explanation("number", "this extension number is already used in this tenant")),
            Map.entry("uq_device_sip_username", new Explanation("sipUsername", "this SIP username is already used on this server")),
            Map.entry("uq_account_code_tenant_code", new Explanation("code", "this account code is already used in this tenant")),
            Map.entry("uq_tenant_prefix_tenant_prefix", new Explanation("prefix", "this tenant already has this prefix")),
            Map.entry("uq_conference_room_tenant_number", new Explanation("number", "this room number is already used in this tenant")),
            Map.entry("uq_inbound_number_number", new Explanation("number", "this inbound number is already assigned on this server")),
            Map.entry("uq_web_login_username", new Explanation("username", "this login name is already taken")),
            Map.entry("uq_web_login_user", new Explanation("userId", "this user already has a login")),
            Map.entry("fk_pbx_user_department", new Explanation("departmentId", "the department still has users: move or delete them first")),
            Map.entry("fk_pbx_user_supervisor", new Explanation("supervisorId", "the user still supervises other users")),
            Map.entry("fk_pbx_user_outbound_group", new Explanation("outboundGroupId", "the outbound group is still used by users: change their group first")),
            Map.entry("fk_outbound_group_trunk_trunk", new Explanation("trunkIds", "the trunk is still used by an outbound group: remove it from the group first")),
            Map.entry("fk_inbound_number_extension", new Explanation("destination", "an inbound number still sends its calls to this extension: change its destination first")),
            Map.entry("fk_inbound_number_room", new Explanation("destination", "an inbound number still sends its calls to this conference room: change its destination first")),
            Map.entry("fk_conference_room_host", new Explanation("hostUserId", "the user still hosts conference rooms: give them another host first")));

    private ConstraintMessages() {
    }

    public static Optional<String> constraintName(String databaseMessage) {
        if (databaseMessage == null) {
            return Optional.empty();
        }
        Matcher matcher = CONSTRAINT_NAME.matcher(databaseMessage);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static Optional<Explanation> explain(String constraintName) {
        return Optional.ofNullable(EXPLANATIONS.get(constraintName));
    }
}
