package com.kehu.crm.marketing;

import com.kehu.crm.activity.FollowUpTasks;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.LeadConverted;
import com.kehu.crm.sales.LeadData;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on campaigns, one transaction each. Marketers, managers and admins create campaigns; the owner or creator,
 * and managers and admins, change one (others get 403). Expense lines lock the campaign row, so two people entering
 * expenses at once cannot lose a line from the spent total.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignMemberRepository members;
    private final CampaignTaskRepository tasks;
    private final CampaignQueries queries;
    private final MarketingProperties properties;
    private final BusinessCalendar calendar;
    private final LeadService leads;
    private final FollowUpTasks followUpTasks;
    private final JdbcClient jdbc;

    public long create(CampaignData data, CurrentUser user) {
        CampaignQueries.requireMarketing(user);
        requireOwner(data.ownerId());
        Campaign campaign = new Campaign(data, properties.currency(), properties.attributionDays(), user.id());
        return Objects.requireNonNull(campaigns.save(campaign).getId());
    }

    public void update(long id, long expectedVersion, CampaignData data, CurrentUser user) {
        Campaign campaign = loadForChange(id, user);
        if (campaign.getVersion() != expectedVersion) {
            throw new EditConflictException("Campaign " + id, expectedVersion, campaign.getVersion());
        }
        if (data.ownerId() != campaign.getOwnerId()) {
            requireOwner(data.ownerId());
        }
        campaign.update(data);
    }

    public void changeStatus(long id, CampaignStatus status, CurrentUser user) {
        loadForChange(id, user).moveTo(status);
    }

    /** Only a campaign entered by mistake goes: planned, with no expenses and no members. */
    public void delete(long id, CurrentUser user) {
        Campaign campaign = loadForChange(id, user);
        if (!campaign.isDeletable(members.existsByCampaignId(id))) {
            throw new CampaignRuleException("campaign.delete.notAllowed", "Campaign " + id + " has run");
        }
        jdbc.sql("delete from campaign_task where campaign_id = :id")
                .param("id", id)
                .update();
        campaigns.delete(campaign);
    }

    public long addExpense(
            long id,
            LocalDate spentOn,
            ExpenseCategory category,
            BigDecimal amount,
            @Nullable String note,
            CurrentUser user) {
        Campaign campaign = lockForChange(id, user);
        CampaignExpense expense = campaign.addExpense(spentOn, category, amount, note, user.id(), calendar.now());
        campaigns.flush();
        return Objects.requireNonNull(expense.getId());
    }

    public void removeExpense(long id, long expenseId, CurrentUser user) {
        lockForChange(id, user).removeExpense(expenseId);
    }

    public long addCustomer(long id, long customerId, CurrentUser user) {
        loadForChange(id, user);
        requireExists("select exists (select 1 from customer where id = :id)", "customer", customerId);
        return addMember(CampaignMember.customer(id, customerId, user.id(), calendar.now()));
    }

    public long addContact(long id, long contactId, CurrentUser user) {
        loadForChange(id, user);
        long customerId = jdbc.sql("select customer_id from contact where id = :id")
                .param("id", contactId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> CampaignNotFoundException.of("contact", contactId));
        return addMember(CampaignMember.contact(id, contactId, customerId, user.id(), calendar.now()));
    }

    public long addLead(long id, long leadId, CurrentUser user) {
        loadForChange(id, user);
        var lead = jdbc.sql("select id, converted_customer_id from lead where id = :id")
                .param("id", leadId)
                .query((rs, n) -> (Long) rs.getObject("converted_customer_id", Long.class))
                .list();
        if (lead.isEmpty()) {
            throw CampaignNotFoundException.of("lead", leadId);
        }
        return addMember(CampaignMember.lead(id, leadId, lead.get(0), user.id(), calendar.now()));
    }

    public long addProspect(long id, CampaignProspect prospect, CurrentUser user) {
        loadForChange(id, user);
        return addMember(CampaignMember.prospect(id, prospect, user.id(), calendar.now()));
    }

    public void removeMember(long id, long memberId, CurrentUser user) {
        loadForChange(id, user);
        members.delete(loadMember(id, memberId));
    }

    /** Records a response (status and date, today when not given) for one member. */
    public void respond(
            long id, long memberId, CampaignMemberStatus response, @Nullable LocalDate on, CurrentUser user) {
        respond(id, List.of(memberId), response, on, user);
    }

    /** Records the same response for several selected members of the campaign. */
    public int respond(
            long id,
            Collection<Long> memberIds,
            CampaignMemberStatus response,
            @Nullable LocalDate on,
            CurrentUser user) {
        loadForChange(id, user);
        if (!response.isResponse()) {
            throw new CampaignRuleException("campaign.member.response.invalid", "Not a response: " + response);
        }
        List<CampaignMember> found = members.findByCampaignIdAndIdIn(id, memberIds);
        if (found.size() != memberIds.stream().distinct().count()) {
            throw CampaignNotFoundException.of("member", memberIds.iterator().next());
        }
        LocalDate date = on == null ? calendar.today() : on;
        found.forEach(m -> m.respond(response, date));
        return found.size();
    }

    /**
     * One click: a walk-in prospect becomes a pool lead (source EXHIBITION for exhibitions, CAMPAIGN otherwise) and
     * the member is marked CONVERTED with the lead.
     */
    public long convertToLead(long id, long memberId, CurrentUser user) {
        Campaign campaign = loadForChange(id, user);
        CampaignMember member = loadMember(id, memberId);
        if (!member.isConvertible()) {
            throw new CampaignRuleException("campaign.member.notConvertible", "Member " + memberId);
        }
        long leadId = leads.registerPoolLead(
                new LeadData(
                        member.getProspectCompany(),
                        Objects.requireNonNull(member.getProspectName()),
                        null,
                        member.getProspectPhone(),
                        member.getProspectEmail(),
                        campaign.getType().isExhibition() ? LeadSource.EXHIBITION : LeadSource.CAMPAIGN,
                        null,
                        campaign.getName()),
                user);
        member.convertedTo(leadId, calendar.today());
        return leadId;
    }

    public long addTask(
            long id,
            CampaignTaskPhase phase,
            String title,
            @Nullable LocalDate dueOn,
            @Nullable Long assigneeId,
            CurrentUser user) {
        loadForChange(id, user);
        if (assigneeId != null) {
            requireExists("select exists (select 1 from app_user where id = :id and enabled)", "user", assigneeId);
        }
        return Objects.requireNonNull(tasks.save(new CampaignTask(id, phase, title, dueOn, assigneeId, user.id()))
                .getId());
    }

    public void completeTask(long id, long taskId, boolean done, CurrentUser user) {
        loadForChange(id, user);
        CampaignTask task =
                tasks.findByIdAndCampaignId(taskId, id).orElseThrow(() -> CampaignNotFoundException.of("task", taskId));
        if (done) {
            task.markDone(calendar.now());
        } else {
            task.reopen();
        }
    }

    /**
     * After the show: a follow-up task for the owner of each member customer who responded or attended, due in three
     * days. Customers who got one from this campaign before are skipped, so pressing twice creates nothing new.
     */
    public int createFollowUps(long id, CurrentUser user) {
        Campaign campaign = loadForChange(id, user);
        var due = calendar.today()
                .plusDays(3)
                .atTime(9, 0)
                .atZone(calendar.zone())
                .toInstant();
        List<FollowUpTasks.FollowUpTask> todo = jdbc.sql("""
                        select distinct m.customer_id, cu.owner_id
                        from campaign_member m join customer cu on cu.id = m.customer_id
                        where m.campaign_id = :id and m.status in ('RESPONDED', 'ATTENDED') and not cu.archived
                          and not exists (select 1 from campaign_follow_up f
                                          where f.campaign_id = :id and f.customer_id = m.customer_id)
                        order by m.customer_id""")
                .param("id", id)
                .query((rs, n) -> new FollowUpTasks.FollowUpTask(
                        rs.getLong("customer_id"),
                        rs.getLong("owner_id"),
                        campaign.getName(),
                        campaign.getType().isExhibition() ? "Post-show follow-up / 展后跟进" : "Campaign follow-up / 活动跟进",
                        due))
                .list();
        List<Long> ids = followUpTasks.create(todo);
        for (int i = 0; i < todo.size(); i++) {
            jdbc.sql("""
                            insert into campaign_follow_up (campaign_id, customer_id, activity_id, created_at)
                            values (:campaign, :customer, :activity, now())""")
                    .param("campaign", id)
                    .param("customer", todo.get(i).customerId())
                    .param("activity", ids.get(i))
                    .update();
        }
        return todo.size();
    }

    /** A lead was converted: its campaign members now bring that customer's orders to their campaigns. */
    @EventListener
    public void on(LeadConverted event) {
        jdbc.sql("""
                        update campaign_member set customer_id = :customer, version = version + 1
                        where (lead_id = :lead or converted_lead_id = :lead) and customer_id is null""")
                .param("customer", event.customerId())
                .param("lead", event.leadId())
                .update();
    }

    private long addMember(CampaignMember member) {
        String duplicate = switch (member.getMemberType()) {
            case CUSTOMER ->
                "select exists (select 1 from campaign_member where campaign_id = :campaign"
                        + " and member_type = 'CUSTOMER' and customer_id = :id)";
            case CONTACT ->
                "select exists (select 1 from campaign_member where campaign_id = :campaign"
                        + " and member_type = 'CONTACT' and contact_id = :id)";
            case LEAD ->
                "select exists (select 1 from campaign_member where campaign_id = :campaign"
                        + " and member_type = 'LEAD' and lead_id = :id)";
            case PROSPECT -> null;
        };
        Long key = switch (member.getMemberType()) {
            case CUSTOMER -> member.getCustomerId();
            case CONTACT -> member.getContactId();
            case LEAD -> member.getLeadId();
            case PROSPECT -> null;
        };
        if (duplicate != null
                && jdbc.sql(duplicate)
                        .param("campaign", member.getCampaignId())
                        .param("id", key)
                        .query(Boolean.class)
                        .single()) {
            throw new CampaignRuleException("campaign.member.duplicate", "Already a member");
        }
        try {
            members.saveAndFlush(member);
        } catch (DataIntegrityViolationException e) {
            throw new CampaignRuleException("campaign.member.duplicate", "Already a member");
        }
        return Objects.requireNonNull(member.getId());
    }

    private CampaignMember loadMember(long id, long memberId) {
        return members.findByIdAndCampaignId(memberId, id)
                .orElseThrow(() -> CampaignNotFoundException.of("member", memberId));
    }

    Campaign loadForChange(long id, CurrentUser user) {
        CampaignQueries.requireMarketing(user);
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> CampaignNotFoundException.forId(id));
        requireChange(campaign, user);
        return campaign;
    }

    private Campaign lockForChange(long id, CurrentUser user) {
        CampaignQueries.requireMarketing(user);
        Campaign campaign = campaigns.findForUpdate(id).orElseThrow(() -> CampaignNotFoundException.forId(id));
        requireChange(campaign, user);
        return campaign;
    }

    private static void requireChange(Campaign campaign, CurrentUser user) {
        if (!campaign.isChangeableBy(user.id(), user.isManager() || user.isAdmin())) {
            throw new AccessDeniedException("Campaign " + campaign.getId() + " is someone else's");
        }
    }

    private void requireOwner(long ownerId) {
        if (!queries.isOwnerCandidate(ownerId)) {
            throw new CampaignRuleException("campaign.owner.invalid", "User " + ownerId + " cannot own campaigns");
        }
    }

    private void requireExists(String sql, String what, long id) {
        if (!jdbc.sql(sql).param("id", id).query(Boolean.class).single()) {
            throw CampaignNotFoundException.of(what, id);
        }
    }
}
