package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Call history, statistics and exports in the portal, read through the same HistoryScope as the
 * API: admins and billing viewers see the tenant's calls, users and agents their own.
 */
@PortalController
class HistoryPages {

    static final List<String> FILTERS = List.of("from", "to", "userId", "extension", "direction", "disposition", "number");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final HistoryScope scopes;
    private final CallHistory history;
    private final CallStatistics statistics;
    private final Access access;
    private final PortalForms forms;
    private final PortalChoices choices;
    private final CallRecordings recordings;

    HistoryPages(HistoryScope scopes, CallHistory history, CallStatistics statistics, Access access, PortalForms forms,
            PortalChoices choices, CallRecordings recordings) {
        this.scopes = scopes;
        this.history = history;
        this.statistics = statistics;
        this.access = access;
        this.forms = forms;
        this.choices = choices;
        this.recordings = recordings;
    }

    @GetMapping("/portal/calls")
    String calls(@RequestParam MultiValueMap<String, String> params, Model model) {
        Caller caller = access.caller();
        HistoryScope.Scope scope = scopes.require(PortalChoices.tenantOf(caller));
        MultiValueMap<String, String> query = given(params, FILTERS, Set.of("page"));
        forms.submit(new MapBindingResult(Map.of(), "calls"), model, () -> model.addAttribute("result",
                history.page(HistoryFilter.of(scope, query, CallHistory.PAGING), query)));
        model.addAttribute("query", params.toSingleValueMap());
        model.addAttribute("exportQuery", given(params, FILTERS, Set.of()));
        model.addAttribute("zone", scope.zone());
        model.addAttribute("directions", new TreeSet<>(HistoryFilter.DIRECTIONS));
        model.addAttribute("dispositions", new TreeSet<>(HistoryFilter.DISPOSITIONS));
        model.addAttribute("people", scope.onlyUserId() == null ? choices.users(scope.tenantId()) : List.of());
        return "portal/calls";
    }

    @GetMapping("/portal/calls/statistics")
    String statistics(@RequestParam MultiValueMap<String, String> params, Model model) {
        HistoryScope.Scope scope = scopes.require(PortalChoices.tenantOf(access.caller()));
        MultiValueMap<String, String> query = given(params, List.of("groupBy", "from", "to", "direction"), Set.of());
        forms.submit(new MapBindingResult(Map.of(), "statistics"), model, () -> {
            CallStatistics.Statistics figures = statistics.of(scope, query);
            model.addAttribute("statistics", figures);
            model.addAttribute("chart", Chart.of(figures));
        });
        model.addAttribute("query", params.toSingleValueMap());
        model.addAttribute("directions", new TreeSet<>(HistoryFilter.DIRECTIONS));
        return "portal/statistics";
    }

    /** What the history's player and download link fetch: the API's rules, with the portal's session and error pages. */
    @GetMapping("/portal/calls/{callId}/recording")
    ResponseEntity<Resource> recording(@PathVariable long callId) {
        return recordings.serve(scopes.require(PortalChoices.tenantOf(access.caller())), callId, "portal");
    }

    @GetMapping("/portal/calls/export.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam MultiValueMap<String, String> params) {
        HistoryScope.Scope scope = scopes.require(PortalChoices.tenantOf(access.caller()));
        HistoryFilter filter = HistoryFilter.of(scope, given(params, FILTERS, Set.of()), CallHistory.PAGING);
        return download(CSV, "calls.csv", out -> {
            try (CsvExport csv = new CsvExport(out, scope.zone())) {
                history.each(filter, csv::write);
            }
        });
    }

    @GetMapping("/portal/calls/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam MultiValueMap<String, String> params) {
        HistoryScope.Scope scope = scopes.require(PortalChoices.tenantOf(access.caller()));
        HistoryFilter filter = HistoryFilter.of(scope, given(params, FILTERS, Set.of()), CallHistory.PAGING);
        return download(XLSX, "calls.xlsx", out -> {
            try (XlsxExport xlsx = new XlsxExport(out, scope.zone())) {
                history.each(filter, xlsx::write);
            }
        });
    }

    /** The filters the person filled in; empty form fields mean "no filter", as an absent query parameter does in the API. */
    private static MultiValueMap<String, String> given(MultiValueMap<String, String> params, List<String> names, Set<String> extra) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        params.forEach((name, values) -> {
            if (names.contains(name) || extra.contains(name)) {
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> query.add(name, v));
            }
        });
        return query;
    }

    private static ResponseEntity<StreamingResponseBody> download(MediaType type, String name, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    /** Bars of calls and answered calls per group, scaled to the largest group; drawn as SVG by the template. */
    record Chart(List<Bar> bars, int height) {

        static final int BAR_HEIGHT = 22;
        static final int WIDTH = 480;

        record Bar(String label, long calls, long answered, int callsWidth, int answeredWidth, int y) {
        }

        static Chart of(CallStatistics.Statistics figures) {
            long max = figures.groups().stream().map(g -> g.total().calls()).max(Comparator.naturalOrder()).orElse(0L);
            List<Bar> bars = new ArrayList<>();
            for (CallStatistics.Group group : figures.groups()) {
                int y = bars.size() * BAR_HEIGHT;
                String label = group.name() != null ? group.name() : group.key() == null ? "-" : group.key();
                bars.add(new Bar(label, group.total().calls(), group.total().answered(), scale(group.total().calls(), max),
                        scale(group.total().answered(), max), y));
            }
            return new Chart(bars, Math.max(BAR_HEIGHT, bars.size() * BAR_HEIGHT));
        }

        private static int scale(long value, long max) {
            return max == 0 ? 0 : (int) Math.round(value * (double) WIDTH / max);
        }
    }
}
