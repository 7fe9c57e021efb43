package io.pbxctl.daemon.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectorySearchTests extends ApiTestSupport {

    private TenantFixture tenant;

    @BeforeEach
    void company() {
        tenant = newTenant();
        long sales = tenant.create("departments", Map.of("name", "Kinh doanh"));
        long support = tenant.create("departments", Map.of("name", "Hỗ trợ 100%"));
        long hoa = tenant.create("users", Map.of("name", "Đỗ Thị Hoa", "departmentId", sales, "realNumber", "842473000111"));
        long minh = tenant.create("users", Map.of("name", "Vũ Quang Minh", "departmentId", support, "realNumber", "842473000222"));
        tenant.create("users", Map.of("name", "Hoàng Lan"));
        tenant.create("extensions", Map.of("userId", hoa, "number", "201"));
        tenant.create("extensions", Map.of("userId", hoa, "number", "301"));
        tenant.create("extensions", Map.of("userId", minh, "number", "202"));
        tenant.create("devices", Map.of("userId", hoa, "sipUsername", tenant.slug() + "-hoa", "kind", "DESK_PHONE"));
    }

    private List<String> names(String query) {
        Api.Response response = tenant.admin().get(tenant.path("directory") + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.body().get("items").forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    @Test
    void searchesByDepartmentNameExtensionAndRealNumber() {
        assertThat(names("?department=kinh")).containsExactly("Đỗ Thị Hoa");
        assertThat(names("?name=quang")).containsExactly("Vũ Quang Minh");
        assertThat(names("?extension=20")).containsExactly("Đỗ Thị Hoa", "Vũ Quang Minh");
        assertThat(names("?extension=301")).containsExactly("Đỗ Thị Hoa");
        assertThat(names("?number=000222")).containsExactly("Vũ Quang Minh");
    }

    @Test
    void qMatchesAnyOfThemAndTermsCombine() {
        assertThat(names("?q=thi%20hoa")).containsExactly("Đỗ Thị Hoa");
        assertThat(names("?q=202")).containsExactly("Vũ Quang Minh");
        assertThat(names("?department=kinh&extension=202")).isEmpty();
        assertThat(names("")).hasSize(4);
    }

    @Test
    void searchIgnoresCaseAndVietnameseDiacriticsAsPeopleTypeWithout() {
        assertThat(names("?name=thi%20hoa")).containsExactly("Đỗ Thị Hoa");
        assertThat(names("?name=HOA")).containsExactly("Đỗ Thị Hoa", "Hoàng Lan");
        assertThat(names("?department=ho%20tro")).containsExactly("Vũ Quang Minh");
    }

    @Test
    void likeWildcardsInTermsAreTakenLiterally() {
        assertThat(names("?department=100%25")).containsExactly("Vũ Quang Minh");
        assertThat(names("?name=%25")).isEmpty();
        assertThat(names("?name=_")).isEmpty();
    }

    @Test
    void entriesCarryDepartmentExtensionsAndDevices() {
        JsonNode hoa = tenant.admin().get(tenant.path("directory") + "?name=Thi%20Hoa").body().get("items").get(0);
        assertThat(hoa.get("department").asText()).isEqualTo("Kinh doanh");
        assertThat(hoa.get("realNumber").asText()).isEqualTo("842473000111");
        assertThat(hoa.get("extensions")).extracting(JsonNode::asText).containsExactly("201", "301");
        assertThat(hoa.get("devices").get(0).get("sipUsername").asText()).isEqualTo(tenant.slug() + "-hoa");
        assertThat(hoa.get("devices").get(0).get("kind").asText()).isEqualTo("DESK_PHONE");
    }

    @Test
    void pagesAreBoundedAndCounted() {
        Api.Response page = tenant.admin().get(tenant.path("directory") + "?size=3&page=1");
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(4);
        assertThat(page.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().get("items")).hasSize(1);
        assertThat(tenant.admin().get(tenant.path("directory") + "?size=501").errorFields()).containsExactly("size");
        assertThat(tenant.admin().get(tenant.path("directory") + "?page=-1").errorFields()).containsExactly("page");
    }
}
