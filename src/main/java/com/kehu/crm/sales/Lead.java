package com.kehu.crm.sales;

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
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A possible customer not yet qualified. Without an owner it is in the public pool (公海); a rep claims it into their
 * private leads (私海) and it goes back when released or neglected. Qualification records the three questions of
 * CATALOG 4.3: willing to buy, able to pay, authority to decide.
 */
@Entity
@Table(name = "lead")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Lead extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_seq")
    @SequenceGenerator(name = "lead_seq", sequenceName = "lead_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "company_name")
    private @Nullable String companyName;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(name = "contact_title")
    private @Nullable String contactTitle;

    private @Nullable String phone;

    @Column(name = "phone_digits")
    private @Nullable String phoneDigits;

    private @Nullable String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "prospect_list")
    private @Nullable ProspectList prospectList;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    @Column(name = "owner_id")
    private @Nullable Long ownerId;

    @Column(name = "claimed_at")
    private @Nullable Instant claimedAt;

    @Column(name = "last_follow_up_at")
    private @Nullable Instant lastFollowUpAt;

    @Column(name = "willing_to_buy")
    private @Nullable Boolean willingToBuy;

    @Column(name = "able_to_pay")
    private @Nullable Boolean ableToPay;

    @Column(name = "has_authority")
    private @Nullable Boolean hasAuthority;

    @Column(name = "disqualify_reason")
    private @Nullable String disqualifyReason;

    @Column(name = "converted_customer_id")
    private @Nullable Long convertedCustomerId;

    @Column(name = "converted_contact_id")
    private @Nullable Long convertedContactId;

    @Column(name = "converted_opportunity_id")
    private @Nullable Long convertedOpportunityId;

    @Column(name = "confirmed_by")
    private @Nullable Long confirmedBy;

    @Column(name = "confirmed_at")
    private @Nullable Instant confirmedAt;

    private @Nullable String notes;

    Lead(
            @Nullable String companyName,
            String contactName,
            @Nullable String phone,
            @Nullable String email,
            LeadSource source,
            @Nullable ProspectList prospectList) {
        Assert.hasText(contactName, "contact name must not be empty");
        this.companyName = blankToNull(companyName);
        this.contactName = contactName.strip();
        this.phone = blankToNull(phone);
        this.phoneDigits = this.phone == null ? null : this.phone.replaceAll("\\D", "");
        this.email = email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        this.source = source;
        this.prospectList = prospectList;
        this.status = LeadStatus.NEW;
    }

    Lead(LeadData data) {
        this(data.companyName(), data.contactName(), data.phone(), data.email(), data.source(), data.prospectList());
        this.contactTitle = blankToNull(data.contactTitle());
        this.notes = blankToNull(data.notes());
    }

    /** Corrects the facts of an open lead; a converted or disqualified lead is history. */
    void update(LeadData data) {
        requireOpen();
        Assert.hasText(data.contactName(), "contact name must not be empty");
        this.companyName = blankToNull(data.companyName());
        this.contactName = data.contactName().strip();
        this.contactTitle = blankToNull(data.contactTitle());
        this.phone = blankToNull(data.phone());
        this.phoneDigits = this.phone == null ? null : this.phone.replaceAll("\\D", "");
        this.email = data.email() == null || data.email().isBlank()
                ? null
                : data.email().strip().toLowerCase(java.util.Locale.ROOT);
        this.source = data.source();
        this.prospectList = data.prospectList();
        this.notes = blankToNull(data.notes());
    }

    boolean isInPool() {
        return ownerId == null;
    }

    /** A rep takes a pool lead into their private leads. */
    void claim(long userId, Instant now) {
        requireOpen();
        if (!isInPool()) {
            throw new IllegalLeadStateException("lead.claim.taken", "Lead " + id + " already has an owner");
        }
        assignTo(userId, now);
    }

    /** A manager hands the lead to a rep, from the pool or from another rep. */
    void assignTo(long userId, Instant now) {
        requireOpen();
        this.ownerId = userId;
        this.claimedAt = now;
    }

    /** Back to the public pool, by the owner's choice or because nobody followed it up in time. */
    void release() {
        requireOpen();
        this.ownerId = null;
        this.claimedAt = null;
    }

    void recordFollowUp(Instant now) {
        requireOpen();
        this.lastFollowUpAt = now;
        if (status == LeadStatus.NEW) {
            status = LeadStatus.WORKING;
        }
    }

    /** Records the three answers; all three yes makes the lead qualified, anything else keeps it in work. */
    void qualify(@Nullable Boolean willing, @Nullable Boolean able, @Nullable Boolean authority, Instant now) {
        requireOpen();
        this.willingToBuy = willing;
        this.ableToPay = able;
        this.hasAuthority = authority;
        this.lastFollowUpAt = now;
        this.status = Boolean.TRUE.equals(willing) && Boolean.TRUE.equals(able) && Boolean.TRUE.equals(authority)
                ? LeadStatus.QUALIFIED
                : LeadStatus.WORKING;
        // new answers need a new look from the manager
        this.confirmedBy = null;
        this.confirmedAt = null;
    }

    /** The department manager promotes a qualified lead to a prospect (预期客户, CATALOG 4.2). */
    void confirm(long managerId, Instant now) {
        requireOpen();
        if (status != LeadStatus.QUALIFIED) {
            throw new IllegalLeadStateException("lead.convert.notQualified", "Lead " + id + " is not qualified");
        }
        this.confirmedBy = managerId;
        this.confirmedAt = now;
    }

    boolean isConfirmed() {
        return confirmedAt != null;
    }

    /** Refuses before anything is created: only a qualified (and, where required, confirmed) lead converts. */
    void requireConvertible(boolean confirmationRequired) {
        if (status != LeadStatus.QUALIFIED) {
            throw new IllegalLeadStateException("lead.convert.notQualified", "Lead " + id + " is not qualified");
        }
        if (confirmationRequired && !isConfirmed()) {
            throw new IllegalLeadStateException("lead.convert.notConfirmed", "Lead " + id + " is not confirmed");
        }
    }

    boolean wasEverConverted() {
        return status == LeadStatus.CONVERTED || convertedCustomerId != null;
    }

    void disqualify(String reason) {
        requireOpen();
        Assert.hasText(reason, "a reason is required");
        this.disqualifyReason = reason.strip();
        this.status = LeadStatus.DISQUALIFIED;
    }

    void markConverted(long customerId) {
        markConverted(customerId, null, null, false);
    }

    void markConverted(
            long customerId, @Nullable Long contactId, @Nullable Long opportunityId, boolean confirmationRequired) {
        requireConvertible(confirmationRequired);
        this.convertedCustomerId = customerId;
        this.convertedContactId = contactId;
        this.convertedOpportunityId = opportunityId;
        this.status = LeadStatus.CONVERTED;
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new IllegalLeadStateException("lead.closed", "Lead " + id + " is " + status);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
