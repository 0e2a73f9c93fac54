package com.kehu.crm.sales;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.domain.EditConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on leads and the pool: create, claim, release, assign, follow up, qualify, disqualify. */
@Service
@Transactional
@RequiredArgsConstructor
public class LeadService {

    private static final Logger log = LoggerFactory.getLogger(LeadService.class);
    private static final EnumSet<LeadStatus> OPEN =
            EnumSet.of(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED);

    private final LeadRepository leads;
    private final UserQueries users;
    private final SalesProperties properties;
    private final Clock clock;

    /** A new lead goes to the pool, or straight into the creator's private leads when they are a rep. */
    public long create(NewLead lead, CurrentUser user) {
        return create(
                new LeadData(
                        lead.companyName(),
                        lead.contactName(),
                        null,
                        lead.phone(),
                        lead.email(),
                        lead.source(),
                        lead.prospectList(),
                        null),
                lead.keepForMyself(),
                user);
    }

    /** Sellers register leads; "keep for myself" puts a rep's or manager's own find into their private leads. */
    public long create(LeadData data, boolean keepForMyself, CurrentUser user) {
        requireSeller(user);
        Lead created = new Lead(data);
        if (keepForMyself && (user.role() == Role.SALES_REP || user.role() == Role.MANAGER)) {
            requireBelowLimit(user.id());
            created.claim(user.id(), now());
        }
        return leads.save(created).getId();
    }

    /**
     * Marketing hands a campaign response to sales (an exhibition visitor, say): a new lead in the pool, registered by
     * a marketer as well as by a seller, for reps to claim.
     */
    public long registerPoolLead(LeadData data, CurrentUser user) {
        if (!isSeller(user) && user.role() != Role.MARKETER) {
            throw new AccessDeniedException("Pool leads come from sellers and marketers");
        }
        return leads.save(new Lead(data)).getId();
    }

    /** The owner (or their manager, or an admin) corrects an open lead; pool leads are managers' to correct. */
    public void update(long id, long expectedVersion, LeadData data, CurrentUser user) {
        Lead lead = loadForChange(id, user);
        if (lead.getVersion() != expectedVersion) {
            throw new EditConflictException("Lead " + id, expectedVersion, lead.getVersion());
        }
        lead.update(data);
    }

    /** Only a lead that never became a customer can go; the history of a conversion stays. */
    public void delete(long id, CurrentUser user) {
        Lead lead = loadForChange(id, user);
        if (lead.wasEverConverted()) {
            throw new IllegalLeadStateException("lead.delete.converted", "Lead " + id + " was converted");
        }
        leads.delete(lead);
    }

    /** With crm.sales.manager-confirms-qualified: a manager of the owner's team (or an admin) confirms. */
    public void confirm(long id, CurrentUser user) {
        if (!user.isManager() && !user.isAdmin()) {
            throw new AccessDeniedException("Only managers confirm qualified leads");
        }
        loadOwned(id, user).confirm(user.id(), now());
    }

    public void claim(long id, CurrentUser user) {
        if (user.role() != Role.SALES_REP && user.role() != Role.MANAGER) {
            throw new AccessDeniedException("Only sellers claim leads");
        }
        Lead lead = load(id);
        requireBelowLimit(user.id());
        lead.claim(user.id(), now());
    }

    public void release(long id, CurrentUser user) {
        loadOwned(id, user).release();
    }

    /** Managers (their team) and admins hand a lead to a rep, from the pool or from another rep. */
    public void assign(long id, long ownerId, CurrentUser user) {
        if (!user.isManager() && !user.isAdmin()) {
            throw new AccessDeniedException("Only managers assign leads");
        }
        boolean assignable =
                users.assignableOwners(user).stream().map(UserRef::id).anyMatch(o -> o == ownerId);
        if (!assignable) {
            throw new IllegalLeadStateException("lead.assign.notAssignable", "Owner " + ownerId + " not assignable");
        }
        Lead lead = load(id);
        if (lead.getOwnerId() != null && !users.ownerScope(user).includes(lead.getOwnerId())) {
            throw new LeadNotFoundException(id);
        }
        lead.assignTo(ownerId, now());
    }

    public void recordFollowUp(long id, CurrentUser user) {
        loadOwned(id, user).recordFollowUp(now());
    }

    public void qualify(
            long id, @Nullable Boolean willing, @Nullable Boolean able, @Nullable Boolean authority, CurrentUser user) {
        loadOwned(id, user).qualify(willing, able, authority, now());
    }

    public void disqualify(long id, String reason, CurrentUser user) {
        loadOwned(id, user).disqualify(reason);
    }

    /** Every hour: claimed leads nobody followed up for {@code crm.sales.pool-return-after} go back to the pool. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public int returnNeglectedLeads() {
        int returned = leads.returnNeglectedToPool(now().minus(properties.poolReturnAfter()));
        if (returned > 0) {
            log.info("Returned {} neglected leads to the pool", returned);
        }
        return returned;
    }

    private void requireBelowLimit(long userId) {
        if (leads.countByOwnerIdAndStatusIn(userId, OPEN) >= properties.claimLimit()) {
            throw new IllegalLeadStateException(
                    "lead.claim.limit", "User " + userId + " holds " + properties.claimLimit() + " open leads");
        }
    }

    private Lead loadForChange(long id, CurrentUser user) {
        requireSeller(user);
        Lead lead = loadVisible(id, user);
        if (lead.isInPool() && !user.isManager() && !user.isAdmin()) {
            throw new AccessDeniedException("Pool leads are changed by managers");
        }
        return lead;
    }

    static void requireSeller(CurrentUser user) {
        if (!isSeller(user)) {
            throw new AccessDeniedException("Leads are for sellers");
        }
    }

    static boolean isSeller(CurrentUser user) {
        return user.role() == Role.SALES_REP || user.role() == Role.MANAGER || user.role() == Role.ADMIN;
    }

    private Lead load(long id) {
        return leads.findById(id).orElseThrow(() -> new LeadNotFoundException(id));
    }

    /** Pool leads are visible to every seller; a private lead to its owner and the owner's manager or an admin. */
    private Lead loadVisible(long id, CurrentUser user) {
        requireSeller(user);
        Lead lead = load(id);
        if (lead.getOwnerId() != null && !users.ownerScope(user).includes(lead.getOwnerId())) {
            throw new LeadNotFoundException(id);
        }
        return lead;
    }

    private Lead loadOwned(long id, CurrentUser user) {
        Lead lead = loadVisible(id, user);
        if (lead.getOwnerId() == null) {
            throw new IllegalLeadStateException("lead.claimFirst", "Claim lead " + id + " before working it");
        }
        return lead;
    }

    private Instant now() {
        return clock.instant();
    }
}
