package com.kehu.crm.activity;

import com.kehu.crm.contact.ContactNotFoundException;
import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.LeadNotFoundException;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.OpportunityNotFoundException;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.shared.domain.EditConflictException;
import java.time.Clock;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on activities. Whoever may change a customer (or work a lead) logs activities on it; an activity is
 * changed, deleted or marked done only by its owner. Logging on a lead is a follow-up of the lead, in the same
 * transaction, so the lead's own rules (claimed, still open) apply.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ActivityService {

    private final ActivityRepository activities;
    private final ActivitySubjects subjects;
    private final ContactQueries contacts;
    private final OpportunityQueries opportunities;
    private final LeadService leads;
    private final Clock clock;

    /**
     * Logs an activity on a customer, or on a lead when no customer is given. A deal without a customer names its
     * customer. Contact and deal must belong to the customer.
     */
    public long create(@Nullable Long customerId, @Nullable Long leadId, ActivityData data, CurrentUser user) {
        Long customer = customerId;
        if (customer == null && data.opportunityId() != null) {
            customer = opportunities
                    .ref(data.opportunityId(), user)
                    .orElseThrow(() -> OpportunityNotFoundException.forId(data.opportunityId()))
                    .customerId();
        }
        if (customer == null && leadId == null) {
            throw new IllegalArgumentException("An activity needs a customer or a lead");
        }
        requireWrite(customer, leadId, user);
        checkReferences(customer, data, user);
        Activity activity = activities.save(new Activity(customer, leadId, data, user.id()));
        if (leadId != null && !data.type().isTask()) {
            leads.recordFollowUp(leadId, user);
        }
        return Objects.requireNonNull(activity.getId());
    }

    public void update(long id, long expectedVersion, ActivityData data, CurrentUser user) {
        Activity activity = loadOwn(id, user);
        if (activity.getVersion() != expectedVersion) {
            throw new EditConflictException("Activity " + id, expectedVersion, activity.getVersion());
        }
        checkReferences(activity.getCustomerId(), data, user);
        activity.update(data);
    }

    public void delete(long id, CurrentUser user) {
        activities.delete(loadOwn(id, user));
    }

    /** Marks the owner's task done; a done task on a lead is a follow-up of the lead. */
    public void markDone(long id, CurrentUser user) {
        Activity activity = loadOwn(id, user);
        if (!activity.getType().isTask()) {
            // only tasks are done; for anything else there is no such task
            throw ActivityNotFoundException.forId(id);
        }
        boolean wasOpen = !activity.isDone();
        activity.markDone(clock.instant());
        if (wasOpen && activity.getLeadId() != null && activity.getCustomerId() == null) {
            leads.recordFollowUp(activity.getLeadId(), user);
        }
    }

    private void requireWrite(@Nullable Long customerId, @Nullable Long leadId, CurrentUser user) {
        switch (subjects.accessTo(customerId, leadId, user)) {
            case NONE -> {
                if (customerId != null) {
                    throw CustomerNotFoundException.forId(customerId);
                }
                throw new LeadNotFoundException(Objects.requireNonNull(leadId));
            }
            case READ -> throw new AccessDeniedException("Read-only access to customer " + customerId);
            case WRITE -> {}
        }
    }

    /** A contact or deal of another customer is "not found", whatever the user may see elsewhere. */
    private void checkReferences(@Nullable Long customerId, ActivityData data, CurrentUser user) {
        Long contactId = data.contactId();
        if (contactId != null
                && (customerId == null || contacts.details(contactId, user).customerId() != customerId)) {
            throw ContactNotFoundException.forId(contactId);
        }
        Long opportunityId = data.opportunityId();
        if (opportunityId != null) {
            boolean ofCustomer = customerId != null
                    && opportunities
                            .ref(opportunityId, user)
                            .filter(o -> o.customerId() == customerId)
                            .isPresent();
            if (!ofCustomer) {
                throw OpportunityNotFoundException.forId(opportunityId);
            }
        }
    }

    /** Invisible is "not found"; visible but somebody else's is "forbidden". */
    private Activity loadOwn(long id, CurrentUser user) {
        Activity activity = activities.findById(id).orElseThrow(() -> ActivityNotFoundException.forId(id));
        if (subjects.accessTo(activity.getCustomerId(), activity.getLeadId(), user)
                == com.kehu.crm.customer.CustomerAccessLevel.NONE) {
            throw ActivityNotFoundException.forId(id);
        }
        if (!activity.isOwnedBy(user.id())) {
            throw new AccessDeniedException("Activity " + id + " belongs to someone else");
        }
        return activity;
    }
}
