package com.kehu.crm.marketing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Somebody a campaign targeted, with their responses. Each response has its date; the status is the furthest response
 * so far and never moves back. The first touch ({@code touched_on}, a generated column) starts the attribution window.
 */
@Entity
@Table(name = "campaign_member")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CampaignMember {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_member_seq")
    @SequenceGenerator(name = "campaign_member_seq", sequenceName = "campaign_member_seq", allocationSize = 50)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_type", nullable = false, updatable = false)
    private CampaignMemberType memberType;

    @Column(name = "customer_id")
    private @Nullable Long customerId;

    @Column(name = "contact_id", updatable = false)
    private @Nullable Long contactId;

    @Column(name = "lead_id", updatable = false)
    private @Nullable Long leadId;

    @Column(name = "prospect_name")
    private @Nullable String prospectName;

    @Column(name = "prospect_company")
    private @Nullable String prospectCompany;

    @Column(name = "prospect_phone")
    private @Nullable String prospectPhone;

    @Column(name = "prospect_email")
    private @Nullable String prospectEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignMemberStatus status = CampaignMemberStatus.TARGETED;

    @Column(name = "sent_on")
    private @Nullable LocalDate sentOn;

    @Column(name = "responded_on")
    private @Nullable LocalDate respondedOn;

    @Column(name = "attended_on")
    private @Nullable LocalDate attendedOn;

    @Column(name = "converted_on")
    private @Nullable LocalDate convertedOn;

    @Column(name = "converted_lead_id")
    private @Nullable Long convertedLeadId;

    @Column(name = "added_by", nullable = false, updatable = false)
    private long addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    private CampaignMember(long campaignId, CampaignMemberType type, long addedBy, Instant addedAt) {
        this.campaignId = campaignId;
        this.memberType = type;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    static CampaignMember customer(long campaignId, long customerId, long addedBy, Instant now) {
        CampaignMember m = new CampaignMember(campaignId, CampaignMemberType.CUSTOMER, addedBy, now);
        m.customerId = customerId;
        return m;
    }

    static CampaignMember contact(long campaignId, long contactId, long customerId, long addedBy, Instant now) {
        CampaignMember m = new CampaignMember(campaignId, CampaignMemberType.CONTACT, addedBy, now);
        m.contactId = contactId;
        m.customerId = customerId;
        return m;
    }

    /** A lead member; {@code customerId} is the lead's customer when it was converted already. */
    static CampaignMember lead(long campaignId, long leadId, @Nullable Long customerId, long addedBy, Instant now) {
        CampaignMember m = new CampaignMember(campaignId, CampaignMemberType.LEAD, addedBy, now);
        m.leadId = leadId;
        m.customerId = customerId;
        return m;
    }

    static CampaignMember prospect(long campaignId, CampaignProspect prospect, long addedBy, Instant now) {
        if (prospect.name() == null || prospect.name().isBlank()) {
            throw new CampaignRuleException("campaign.member.prospect.nameRequired", "A prospect needs a name");
        }
        CampaignMember m = new CampaignMember(campaignId, CampaignMemberType.PROSPECT, addedBy, now);
        m.prospectName = prospect.name().strip();
        m.prospectCompany = clean(prospect.company());
        m.prospectPhone = clean(prospect.phone());
        m.prospectEmail = clean(prospect.email());
        return m;
    }

    /** Records a response on its date; the status advances to the furthest response. */
    void respond(CampaignMemberStatus response, LocalDate on) {
        switch (response) {
            case SENT -> sentOn = on;
            case RESPONDED -> respondedOn = on;
            case ATTENDED -> attendedOn = on;
            case CONVERTED -> convertedOn = on;
            case TARGETED ->
                throw new CampaignRuleException("campaign.member.response.invalid", "TARGETED is not a response");
        }
        status = status.furthest(response);
    }

    /** A walk-in prospect became a pool lead (one click); customers, contacts and leads are known to sales already. */
    void convertedTo(long leadId, LocalDate on) {
        if (convertedLeadId != null) {
            throw new CampaignRuleException("campaign.member.alreadyConverted", "Member " + id + " was converted");
        }
        if (memberType != CampaignMemberType.PROSPECT) {
            throw new CampaignRuleException("campaign.member.notProspect", "Member " + id + " is not a prospect");
        }
        this.convertedLeadId = leadId;
        respond(CampaignMemberStatus.CONVERTED, on);
    }

    boolean isConvertible() {
        return memberType == CampaignMemberType.PROSPECT && convertedLeadId == null;
    }

    private static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
