package com.kehu.crm.contact;

import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** A person at a customer. Belongs to one customer for life; referenced by id, not by a JPA association. */
@Entity
@Table(name = "contact")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Contact extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(nullable = false)
    private String name;

    private @Nullable String title;
    private @Nullable String department;
    private @Nullable String mobile;

    @Column(name = "office_phone")
    private @Nullable String officePhone;

    /** Digits of the mobile and office numbers, space separated, for prefix search. */
    @Column(name = "phone_digits")
    private @Nullable String phoneDigits;

    private @Nullable String email;
    private @Nullable String wechat;
    private @Nullable LocalDate birthday;

    @Column(nullable = false)
    private boolean responsible;

    @Column(name = "decision_maker", nullable = false)
    private boolean decisionMaker;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    private @Nullable ContactChannel preferredChannel;

    @Column(name = "best_time")
    private @Nullable String bestTime;

    @Column(name = "do_not_contact", nullable = false)
    private boolean doNotContact;

    private @Nullable String notes;

    Contact(long customerId, ContactData data) {
        this.customerId = customerId;
        update(data);
    }

    void update(ContactData data) {
        Assert.hasText(data.name(), "name must not be empty");
        this.name = data.name().strip();
        this.title = blankToNull(data.title());
        this.department = blankToNull(data.department());
        this.mobile = blankToNull(data.mobile());
        this.officePhone = blankToNull(data.officePhone());
        String digits = Stream.of(mobile, officePhone)
                .filter(p -> p != null)
                .map(p -> p.replaceAll("\\D", ""))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.joining(" "));
        this.phoneDigits = digits.isEmpty() ? null : digits;
        this.email = data.email() == null || data.email().isBlank()
                ? null
                : data.email().strip().toLowerCase(Locale.ROOT);
        this.wechat = blankToNull(data.wechat());
        this.birthday = data.birthday();
        this.responsible = data.responsible();
        this.decisionMaker = data.decisionMaker();
        this.preferredChannel = data.preferredChannel();
        this.bestTime = blankToNull(data.bestTime());
        this.doNotContact = data.doNotContact();
        this.notes = blankToNull(data.notes());
    }

    /** The audited fields as display text (shared.audit). */
    Map<String, @Nullable String> auditSnapshot() {
        return AuditSnapshot.builder()
                .put("name", name)
                .put("title", title)
                .put("department", department)
                .put("mobile", mobile)
                .put("officePhone", officePhone)
                .put("email", email)
                .put("wechat", wechat)
                .put("birthday", birthday)
                .put("responsible", responsible)
                .put("decisionMaker", decisionMaker)
                .put("preferredChannel", preferredChannel)
                .put("bestTime", bestTime)
                .put("doNotContact", doNotContact)
                .put("notes", notes)
                .build();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
