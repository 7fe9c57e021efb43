package io.pbxctl.daemon.config;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The shipped templates against golden files, scenario by scenario, in Velocity's strict mode. */
class ConfigTemplatesTests {

    private final TemplateRenderer renderer = new TemplateRenderer((java.nio.file.Path) null);

    @Test
    void oneTenant() throws IOException {
        GoldenFiles.assertMatches("one-tenant", renderer.render(Scenarios.oneTenant(), Scenarios.settings()));
    }

    @Test
    void twoTenantsWithTheSameExtensionNumbers() throws IOException {
        GoldenFiles.assertMatches("two-tenants", renderer.render(Scenarios.twoTenants(), Scenarios.settings()));
    }

    @Test
    void userWithThreeDevicesIncludingWebRtc() throws IOException {
        GoldenFiles.assertMatches("three-devices", renderer.render(Scenarios.threeDevices(), Scenarios.tlsSettings()));
    }

    @Test
    void ipv6AddressesInBrackets() throws IOException {
        GoldenFiles.assertMatches("ipv6", renderer.render(Scenarios.ipv6Trunk(), Scenarios.ipv6Settings()));
    }

    @Test
    void conferenceRooms() throws IOException {
        GoldenFiles.assertMatches("conferences", renderer.render(Scenarios.conferences(), Scenarios.settings()));
    }

    @Test
    void inboundNumbersWithGreeting() throws IOException {
        GoldenFiles.assertMatches("inbound-numbers", renderer.render(Scenarios.inboundNumbers(), Scenarios.settings()));
    }
}
