package io.pbxctl.daemon.tenant;

import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.numbering.Country;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One customer company on the shared PBX. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private String slug;
    private String name;
    @Column(name = "main_number")
    private String mainNumber;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.CHAR)
    private Country country;
    @Column(name = "area_code")
    private String areaCode;
    @Column(name = "time_zone")
    private String timeZone;
    private String language;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "account_code_mode")
    private AccountCodeMode accountCodeMode;
    @Column(name = "extension_length")
    private int extensionLength;
    @Column(name = "recording_retention_days")
    private int recordingRetentionDays;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Tenant() {
    }

    Tenant(String slug) {
        this.slug = slug;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    void apply(TenantRequest request) {
        name = request.name();
        mainNumber = request.mainNumber();
        country = request.country();
        areaCode = request.areaCode();
        timeZone = request.timeZoneOrDefault();
        language = request.languageOrDefault();
        accountCodeMode = request.accountCodeMode() == null ? AccountCodeMode.OFF : request.accountCodeMode();
        extensionLength = request.extensionLength() == null ? 3 : request.extensionLength();
        recordingRetentionDays = request.recordingRetentionDays() == null ? TenantRequest.DEFAULT_RETENTION_DAYS : request.recordingRetentionDays();
    }

    TenantView view() {
        return new TenantView(id, slug, name, mainNumber, country, areaCode, timeZone, language, accountCodeMode, extensionLength,
                recordingRetentionDays, createdAt, updatedAt);
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public Country getCountry() {
        return country;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getLanguage() {
        return language;
    }

    public int getExtensionLength() {
        return extensionLength;
    }
}
