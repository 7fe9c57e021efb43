package io.pbxctl.daemon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's PBX: one Vietnamese tenant with {@code users} users, each with one device and
 * a 4-digit extension, all of call class NATIONAL and in one outbound group of two trunks; the
 * users with an odd number have a monthly quota (large enough never to run out), the others
 * none. Seeded through the REST API as an operator would, a few requests at a time.
 *
 * <pre>java -cp CLASSPATH io.pbxctl.daemon.bench.BenchModel --http-port P --username bench --password-file F [--users 1000]</pre>
 */
public final class BenchModel {

    static final String SLUG = "bench-vn";
    static final String SCRIPT = "outbound";
    static final List<String> TRUNKS = List.of("bench-a", "bench-b");
    static final String CALLER_ID_NUMBER = "842471000000";
    static final String CALLER_ID_NAME = "Bench";
    /** A VN mobile number: MOBILE, allowed for class NATIONAL. */
    static final String DIALLED = "0912345678";
    /** The monthly quota of the quota users: never exhausted by a benchmark run. */
    static final int QUOTA_MINUTES = 100_000;
    /**
     * The share of the quota one call reserves: the script starts the daemon with
     * pbx.calls.maximum-reservation=60m. With the default (0 = a call takes everything left)
     * a quota user's second concurrent call is rightly refused with QUOTA_EXHAUSTED.
     */
    static final long RESERVATION_SECONDS = 3600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchModel() {
    }

    /** The SIP username of user {@code n} (1-based). */
    static String device(int n) {
        return String.format("bench%04d", n);
    }

    static boolean hasQuota(int n) {
        return n % 2 == 1;
    }

    /** Whether the device of {@link #device(int)} belongs to a user with a quota. */
    static boolean hasQuota(String device) {
        return hasQuota(Integer.parseInt(device.substring("bench".length())));
    }

    static String extension(int n) {
        return String.valueOf(2000 + n - 1);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, 0);
        int port = Integer.parseInt(BenchOptions.required(options, "http-port"));
        String username = BenchOptions.required(options, "username");
        String password = java.nio.file.Files.readString(java.nio.file.Path.of(BenchOptions.required(options, "password-file"))).strip();
        int users = Integer.parseInt(options.getOrDefault("users", "1000"));
        int parallel = Integer.parseInt(options.getOrDefault("parallel", "4"));
        Rest rest = new Rest(port, username, password);

        long started = System.nanoTime();
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("slug", SLUG);
        tenant.put("name", "Benchmark Việt Nam");
        tenant.put("country", "VN");
        tenant.put("areaCode", "024");
        tenant.put("timeZone", "Asia/Ho_Chi_Minh");
        tenant.put("accountCodeMode", "OFF");
        tenant.put("extensionLength", 4);
        long tenantId = rest.create("/api/v1/tenants", tenant);
        String base = "/api/v1/tenants/" + tenantId + "/";
        List<Long> trunkIds = new ArrayList<>();
        for (String trunk : TRUNKS) {
            trunkIds.add(rest.create(base + "trunks", Map.of("name", trunk, "host", "sip.carrier.example")));
        }
        long group = rest.create(base + "outbound-groups",
                Map.of("name", "Bench", "callerIdNumber", CALLER_ID_NUMBER, "callerIdName", CALLER_ID_NAME, "trunkIds", trunkIds));

        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 1; n <= users; n++) {
            int user = n;
            done.add(pool.submit(() -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", String.format("Người dùng %04d", user));
                body.put("callClass", "NATIONAL");
                body.put("outboundGroupId", group);
                if (hasQuota(user)) {
                    body.put("monthlyQuotaMinutes", QUOTA_MINUTES);
                }
                long userId = rest.create(base + "users", body);
                rest.create(base + "extensions", Map.of("userId", userId, "number", extension(user)));
                rest.create(base + "devices", Map.of("userId", userId, "sipUsername", device(user), "kind", "SOFTPHONE"));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        JsonNode check = rest.get(base + "classify?number=" + DIALLED);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("SEEDED tenant=%s id=%d users=%d quota_users=%d requests=%d seconds=%.1f classify=%s%n", SLUG, tenantId, users,
                (users + 1) / 2, rest.requests, seconds, check);
    }

    /** A minimal HTTP Basic JSON client that fails on anything but success. */
    static final class Rest {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String authorization;
        volatile int requests;

        Rest(int port, String username, String password) {
            this.base = "http://127.0.0.1:" + port;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        long create(String path, Object body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json")).get("id").asLong();
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpRequest built = request.header("Authorization", authorization).header("Accept", "application/json").build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            synchronized (this) {
                requests++;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
