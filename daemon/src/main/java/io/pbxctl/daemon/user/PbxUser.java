package io.pbxctl.daemon.user;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person of a tenant and the call rights they carry. */
@Entity
@Table(name = "pbx_user")
public class PbxUser extends TenantEntity {

    @Column(name = "department_id")
    private Long departmentId;
    private String name;
    private String email;
    private String language;
    private String description;
    @Column(name = "real_number")
    private String realNumber;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "call_class")
    private CallClass callClass;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_closed_direction", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "direction")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Set<Direction> closedDirections = new HashSet<>();
    @Column(name = "outbound_enabled")
    private boolean outboundEnabled;
    @Column(name = "needs_account_code")
    private boolean needsAccountCode;
    @Column(name = "monthly_quota_minutes")
    private Integer monthlyQuotaMinutes;
    @Column(name = "auto_answer")
    private boolean autoAnswer;
    @Column(name = "call_waiting")
    private boolean callWaiting;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "recording_mode")
    private RecordingMode recordingMode;
    @Column(name = "recording_email")
    private String recordingEmail;
    @Column(name = "supervisor_id")
    private Long supervisorId;
    @Column(name = "outbound_group_id")
    private Long outboundGroupId;

    protected PbxUser() {
    }

    PbxUser(long tenantId) {
        super(tenantId);
    }

    void apply(UserRequest request, String defaultLanguage) {
        departmentId = request.departmentId();
        name = request.name();
        email = request.email();
        language = request.language() == null ? defaultLanguage : request.language();
        description = request.description();
        realNumber = request.realNumber();
        callClass = request.callClass() == null ? CallClass.NATIONAL : request.callClass();
        closedDirections.clear();
        if (request.closedDirections() != null) {
            closedDirections.addAll(request.closedDirections());
        }
        outboundEnabled = request.outboundEnabled() == null || request.outboundEnabled();
        needsAccountCode = Boolean.TRUE.equals(request.needsAccountCode());
        monthlyQuotaMinutes = request.monthlyQuotaMinutes();
        autoAnswer = Boolean.TRUE.equals(request.autoAnswer());
        callWaiting = request.callWaiting() == null || request.callWaiting();
        recordingMode = request.recordingMode() == null ? RecordingMode.OFF : request.recordingMode();
        recordingEmail = request.recordingEmail();
        supervisorId = request.supervisorId();
        outboundGroupId = request.outboundGroupId();
    }

    void applyOwn(OwnSettingsRequest request) {
        email = request.email();
        callWaiting = request.callWaiting();
        autoAnswer = request.autoAnswer();
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    public String getDescription() {
        return description;
    }

    public String getRealNumber() {
        return realNumber;
    }

    public CallClass getCallClass() {
        return callClass;
    }

    public Set<Direction> getClosedDirections() {
        return closedDirections.isEmpty() ? EnumSet.noneOf(Direction.class) : EnumSet.copyOf(closedDirections);
    }

    public boolean isOutboundEnabled() {
        return outboundEnabled;
    }

    public boolean isNeedsAccountCode() {
        return needsAccountCode;
    }

    public Integer getMonthlyQuotaMinutes() {
        return monthlyQuotaMinutes;
    }

    public boolean isAutoAnswer() {
        return autoAnswer;
    }

    public boolean isCallWaiting() {
        return callWaiting;
    }

    public RecordingMode getRecordingMode() {
        return recordingMode;
    }

    public String getRecordingEmail() {
        return recordingEmail;
    }

    public Long getSupervisorId() {
        return supervisorId;
    }

    public Long getOutboundGroupId() {
        return outboundGroupId;
    }
}
