package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.system.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Call history of a tenant: a page, statistics, and exports of any filtered view (docs/api.md, Call history). */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/calls")
class CallHistoryController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final HistoryScope scopes;
    private final CallHistory history;
    private final CallStatistics statistics;
    private final CallRecordings recordings;

    CallHistoryController(HistoryScope scopes, CallHistory history, CallStatistics statistics, CallRecordings recordings) {
        this.scopes = scopes;
        this.history = history;
        this.statistics = statistics;
        this.recordings = recordings;
    }

    @GetMapping
    @Operation(summary = "Calls, newest first: filters from, to, userId, departmentId, extension, accountCodeOwnerId, direction,"
            + " disposition, number (contains); sort=startedAt|durationSeconds|talkSeconds[,asc|desc]; page, size (up to 500)")
    PageResponse<CallRecordView> list(@PathVariable long tenantId, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        HistoryScope.Scope scope = scopes.require(tenantId);
        return history.page(HistoryFilter.of(scope, query, CallHistory.PAGING), query);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Calls, answered and talk time by direction, grouped by day, week, month, user, department or"
            + " accountCodeOwner (groupBy), between the dates from and to (inclusive, tenant's time zone; default this month)")
    CallStatistics.Statistics statistics(@PathVariable long tenantId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        return statistics.of(scopes.require(tenantId), query);
    }

    @GetMapping("/{callId}/recording")
    @Operation(summary = "The recording of a call of the history (audio/wav; Range requests answered with 206), for whoever may see"
            + " the call; 404 when the call is not in the caller's history, was not recorded, or its recording is empty or not"
            + " registered yet; 410 when retention deleted it or its file is gone. Audited (PLAY).")
    @ApiResponse(responseCode = "200", description = "the whole recording",
            content = @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "the byte range asked for with Range",
            content = @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no such call in the caller's history, not recorded, empty, or not registered yet",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "410", description = "deleted by retention, or its file is gone",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Resource> recording(@PathVariable long tenantId, @PathVariable long callId) {
        return recordings.serve(scopes.require(tenantId), callId, "api");
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The filtered, sorted view as CSV (UTF-8 with BOM), every record, streamed")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable long tenantId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        HistoryScope.Scope scope = scopes.require(tenantId);
        HistoryFilter filter = HistoryFilter.of(scope, query, CallHistory.PAGING);
        return download(CSV, "calls.csv", out -> {
            try (CsvExport csv = new CsvExport(out, scope.zone())) {
                history.each(filter, csv::write);
            }
        });
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The filtered, sorted view as an Excel workbook, every record, streamed")
    ResponseEntity<StreamingResponseBody> xlsx(@PathVariable long tenantId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        HistoryScope.Scope scope = scopes.require(tenantId);
        HistoryFilter filter = HistoryFilter.of(scope, query, CallHistory.PAGING);
        return download(XLSX, "calls.xlsx", out -> {
            try (XlsxExport xlsx = new XlsxExport(out, scope.zone())) {
                history.each(filter, xlsx::write);
            }
        });
    }

    private static ResponseEntity<StreamingResponseBody> download(MediaType type, String name, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
