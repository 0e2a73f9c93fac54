package com.kehu.crm.sales;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.notification.NotificationService;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on opportunities: open, edit, move through the pipeline, reassign. A deal follows the customer rules
 * applied to its own owner: the owner, the owner's manager and admins change it; support agents only read it.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class OpportunityService {

    private final OpportunityRepository opportunities;
    private final CustomerQueries customers;
    private final CustomerAccess access;
    private final UserQueries users;
    private final NotificationService notifications;
    private final SalesProperties properties;
    private final BusinessCalendar calendar;
    private final AuditLog audit;

    /** Opens a deal on a customer the user may change; a manager may open it for one of their reps. */
    public long open(NewOpportunity command, CurrentUser user) {
        switch (customers.accessTo(command.customerId(), user)) {
            case NONE -> throw CustomerNotFoundException.forId(command.customerId());
            case READ -> throw new AccessDeniedException("Read-only access to customer " + command.customerId());
            case WRITE -> {}
        }
        long ownerId = command.ownerId() == null ? user.id() : command.ownerId();
        requireAssignable(ownerId, user);
        Opportunity opportunity = new Opportunity(
                command.customerId(),
                command.data(),
                ownerId,
                command.sourceLeadId(),
                properties.probabilityOf(PipelineStage.PROSPECTING),
                user.id(),
                calendar.now());
        opportunities.save(opportunity);
        audit.changes(
                AuditedType.OPPORTUNITY,
                opportunity.getId(),
                user.id(),
                AuditSnapshot.diff(AuditSnapshot.NONE, opportunity.auditSnapshot()));
        alertIfLarge(opportunity);
        return opportunity.getId();
    }

    public void update(long id, long expectedVersion, OpportunityData data, CurrentUser user) {
        Opportunity opportunity = loadForWrite(id, user);
        if (opportunity.getVersion() != expectedVersion) {
            throw new EditConflictException("Opportunity " + id, expectedVersion, opportunity.getVersion());
        }
        audited(opportunity, user, o -> o.update(data, properties.probabilityOf(o.getStage())));
        alertIfLarge(opportunity);
    }

    /** Moves the deal to another stage; losing needs a reason. The move is recorded with its time and user. */
    public void moveTo(long id, PipelineStage stage, @Nullable String lossReason, CurrentUser user) {
        Opportunity opportunity = loadForWrite(id, user);
        audited(
                opportunity,
                user,
                o -> o.moveTo(
                        stage,
                        lossReason,
                        stage.isOpen() ? properties.probabilityOf(stage) : 0,
                        user.id(),
                        calendar.now(),
                        calendar.today()));
    }

    public void reassign(long id, long newOwnerId, CurrentUser user) {
        Opportunity opportunity = loadForWrite(id, user);
        requireAssignable(newOwnerId, user);
        audited(opportunity, user, o -> o.reassignTo(newOwnerId));
        alertIfLarge(opportunity);
    }

    /**
     * Deletes a deal opened by mistake, with its stage history; activities logged on it stay with the customer. A
     * won deal is the record of a sale and stays.
     */
    public void delete(long id, CurrentUser user) {
        Opportunity opportunity = loadForWrite(id, user);
        if (opportunity.getStage() == PipelineStage.WON) {
            throw new IllegalStageTransitionException("opportunity.delete.won", "Opportunity " + id + " is won");
        }
        opportunities.delete(opportunity);
        audit.record(AuditEvent.of(
                        AuditEventKind.DELETE,
                        user.id(),
                        user.username(),
                        "Deleted opportunity " + opportunity.getName())
                .about(AuditedType.OPPORTUNITY.name(), id)
                .with(AuditLog.facts("customerId", opportunity.getCustomerId(), "stage", opportunity.getStage())));
    }

    /** Applies a change and records its field changes in this transaction (no change without its history). */
    private void audited(Opportunity opportunity, CurrentUser user, Consumer<Opportunity> change) {
        Map<String, @Nullable String> before = opportunity.auditSnapshot();
        change.accept(opportunity);
        audit.changes(
                AuditedType.OPPORTUNITY,
                opportunity.getId(),
                user.id(),
                AuditSnapshot.diff(before, opportunity.auditSnapshot()));
    }

    Opportunity loadForWrite(long id, CurrentUser user) {
        Opportunity opportunity = opportunities.findById(id).orElseThrow(() -> OpportunityNotFoundException.forId(id));
        if (!access.readScope(user).includes(opportunity.getOwnerId())) {
            throw OpportunityNotFoundException.forId(id);
        }
        if (!access.writeScope(user).includes(opportunity.getOwnerId())) {
            throw new AccessDeniedException("Read-only access to opportunity " + id);
        }
        return opportunity;
    }

    /** 大额业务提醒: the first time a deal reaches the threshold, its owner's manager hears of it in the app. */
    private void alertIfLarge(Opportunity opportunity) {
        if (!opportunity.isLargeDeal(properties.largeDealAmount())) {
            return;
        }
        users.managerOf(opportunity.getOwnerId()).ifPresent(managerId -> {
            if (opportunity.markLargeDealAlerted(properties.largeDealAmount(), calendar.now())) {
                String owner = users.refsByIds(List.of(opportunity.getOwnerId())).values().stream()
                        .map(UserRef::displayName)
                        .findFirst()
                        .orElse("?");
                notifications.notify(
                        managerId,
                        "LARGE_DEAL",
                        "notification.largeDeal",
                        List.of(
                                opportunity.getName(),
                                opportunity.getAmount().toPlainString(),
                                opportunity.getCurrency(),
                                owner),
                        "/opportunities/" + opportunity.getId(),
                        "large-deal:" + opportunity.getId());
            }
        });
    }

    private void requireAssignable(long ownerId, CurrentUser user) {
        boolean allowed = users.assignableOwners(user).stream().map(UserRef::id).anyMatch(o -> o == ownerId);
        if (!allowed) {
            throw new IllegalStageTransitionException(
                    "opportunity.owner.notAssignable", "Owner " + ownerId + " not assignable");
        }
    }
}
