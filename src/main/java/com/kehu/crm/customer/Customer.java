package com.kehu.crm.customer;

import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** A person or company that buys, or may buy, from us. The status moves only along {@link CustomerStatus}. */
@Entity
@Table(name = "customer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Customer extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerKind kind;

    @Column(nullable = false)
    private String name;

    private @Nullable String phone;

    @Column(name = "phone_digits")
    private @Nullable String phoneDigits;

    private @Nullable String email;
    private @Nullable String address;

    @Enumerated(EnumType.STRING)
    private @Nullable Region region;

    @Enumerated(EnumType.STRING)
    private @Nullable Industry industry;

    @Enumerated(EnumType.STRING)
    private @Nullable CustomerSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_category", nullable = false)
    private RelationCategory relationCategory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Importance importance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerStatus status;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Convert(converter = ProfileConverter.class)
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, String> profile = new LinkedHashMap<>();

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "archived_at")
    private @Nullable Instant archivedAt;

    @Column(name = "completed_orders", nullable = false)
    private int completedOrders;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_flag")
    private @Nullable RetentionFlag retentionFlag;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<CustomerStatusChange> statusChanges = new ArrayList<>();

    Customer(String code, CustomerKind kind, CustomerDetailsData data, long ownerId, long createdBy) {
        Assert.hasText(code, "code must not be empty");
        this.code = code;
        this.kind = kind;
        this.ownerId = ownerId;
        this.status = data.status();
        apply(data);
        statusChanges.add(new CustomerStatusChange(this, null, status, createdBy));
    }

    /** Applies a full edit; a status change is checked against the workflow and recorded. */
    void update(CustomerDetailsData data, long changedBy) {
        if (data.status() != status) {
            moveTo(data.status(), changedBy);
        }
        apply(data);
    }

    void moveTo(CustomerStatus next, long changedBy) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStatusTransitionException(status, next);
        }
        if (next != status) {
            statusChanges.add(new CustomerStatusChange(this, status, next, changedBy));
            status = next;
        }
    }

    /**
     * One more of the customer's orders is completed: a customer who buys is an actual customer (现实), whatever
     * the status was; {@code changedBy} is null when the system, not a person, completed the order.
     */
    void recordCompletedOrder(@Nullable Long changedBy) {
        completedOrders++;
        if (status != CustomerStatus.ACTUAL) {
            statusChanges.add(new CustomerStatusChange(this, status, CustomerStatus.ACTUAL, changedBy));
            status = CustomerStatus.ACTUAL;
        }
    }

    void flagRetention(@Nullable RetentionFlag flag) {
        this.retentionFlag = flag;
    }

    PurchaseStage purchaseStage() {
        return PurchaseStage.of(completedOrders);
    }

    void reassignTo(long newOwnerId) {
        this.ownerId = newOwnerId;
    }

    void archive() {
        if (!archived) {
            archived = true;
            archivedAt = Instant.now();
        }
    }

    void restore() {
        archived = false;
        archivedAt = null;
    }

    private void apply(CustomerDetailsData data) {
        Assert.hasText(data.name(), "name must not be empty");
        this.name = data.name().strip();
        this.phone = blankToNull(data.phone());
        this.phoneDigits = phone == null ? null : digitsOf(phone);
        this.email = data.email() == null || data.email().isBlank()
                ? null
                : data.email().strip().toLowerCase(java.util.Locale.ROOT);
        this.address = blankToNull(data.address());
        this.region = data.region();
        this.industry = data.industry();
        this.source = data.source();
        this.relationCategory = data.relationCategory();
        this.importance = data.importance();
        this.tags = new ArrayList<>(normaliseTags(data.tags()));
        this.profile = new LinkedHashMap<>(ProfileSchema.clean(kind, data.profile()));
    }

    /** The audited fields as display text (shared.audit); profile entries as {@code profile.<key>}. */
    Map<String, @Nullable String> auditSnapshot() {
        return AuditSnapshot.builder()
                .put("name", name)
                .put("phone", phone)
                .put("email", email)
                .put("address", address)
                .put("region", region)
                .put("industry", industry)
                .put("source", source)
                .put("relationCategory", relationCategory)
                .put("importance", importance)
                .put("status", status)
                .put("owner", ownerId)
                .put("tags", tags)
                .put("archived", archived)
                .put("retentionFlag", retentionFlag)
                .putAll("profile.", profile)
                .build();
    }

    static String digitsOf(String phone) {
        return phone.replaceAll("\\D", "");
    }

    static List<String> normaliseTags(List<String> tags) {
        return tags.stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> t.length() > 40 ? t.substring(0, 40) : t)
                .distinct()
                .limit(20)
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
