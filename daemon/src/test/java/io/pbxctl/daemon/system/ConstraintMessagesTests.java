package io.pbxctl.daemon.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstraintMessagesTests {

    @Test
    void findsTheKeyOfADuplicateInBothMariaDbSpellings() {
        assertThat(ConstraintMessages.constraintName("Duplicate entry '7-100' for key 'uq_extension_tenant_number'"))
                .contains("uq_extension_tenant_number");
        assertThat(ConstraintMessages.constraintName("Duplicate entry '7-100' for key 'extension.uq_extension_tenant_number'"))
                .contains("uq_extension_tenant_number");
    }

    @Test
    void findsTheForeignKeyOrCheckThatFailed() {
        assertThat(ConstraintMessages.constraintName("Cannot delete or update a parent row: a foreign key constraint fails "
                + "(`pbx`.`inbound_number`, CONSTRAINT `fk_inbound_number_extension` FOREIGN KEY (`tenant_id`, ...))"))
                .contains("fk_inbound_number_extension");
        assertThat(ConstraintMessages.constraintName("CONSTRAINT `ck_tenant_slug` failed for `pbx`.`tenant`")).contains("ck_tenant_slug");
    }

    @Test
    void explainsKnownConstraintsWithTheFieldAndNothingForOthers() {
        assertThat(ConstraintMessages.explain("uq_device_sip_username")).hasValueSatisfying(e -> {
            assertThat(e.field()).isEqualTo("sipUsername");
            assertThat(e.message()).contains("already used");
        });
        assertThat(ConstraintMessages.explain("uq_something_else")).isEmpty();
        assertThat(ConstraintMessages.constraintName("Deadlock found")).isEmpty();
    }
}
