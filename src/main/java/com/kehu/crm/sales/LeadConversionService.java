package com.kehu.crm.sales;

import com.kehu.crm.contact.ContactData;
import com.kehu.crm.contact.ContactService;
import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a qualified lead into a target customer (目标客户) with its contact and, if asked, a deal, in one
 * transaction: when any part is refused, nothing is created. Similar customers are looked up first, across all
 * customers, so that nobody registers a party a colleague already owns without deciding to.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class LeadConversionService {

    static final int CANDIDATE_LIMIT = 10;

    private final LeadRepository leads;
    private final UserQueries users;
    private final SalesProperties properties;
    private final CustomerQueries customerQueries;
    private final CustomerAccess customerAccess;
    private final CustomerService customerService;
    private final ContactService contactService;
    private final OpportunityService opportunityService;
    private final EntityManager entityManager;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** Customers that look like the lead, shown before the user decides how to convert it. */
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> duplicates(long leadId, CurrentUser user) {
        return duplicates(loadOwned(leadId, user), user);
    }

    public LeadConversion convert(long leadId, ConvertLead command, CurrentUser user) {
        Lead lead = loadOwned(leadId, user);
        boolean confirmationRequired = properties.managerConfirmsQualified();
        lead.requireConvertible(confirmationRequired);
        long ownerId = Objects.requireNonNull(lead.getOwnerId());
        long customerId;
        boolean newCustomer = command.existingCustomerId() == null;
        if (!newCustomer) {
            customerId = command.existingCustomerId();
            switch (customerQueries.accessTo(customerId, user)) {
                case NONE -> throw CustomerNotFoundException.forId(customerId);
                case READ -> throw new AccessDeniedException("Read-only access to customer " + customerId);
                case WRITE -> {}
            }
        } else {
            if (!command.ignoreDuplicates()) {
                List<DuplicateCandidate> candidates = duplicates(lead, user);
                if (!candidates.isEmpty()) {
                    throw new DuplicateCustomersException(candidates);
                }
            }
            customerId = customerService.register(
                    new RegisterCustomer(
                            lead.getCompanyName() == null ? CustomerKind.INDIVIDUAL : CustomerKind.ENTERPRISE,
                            null,
                            customerData(lead),
                            ownerId),
                    user);
            // the contact and deal services check the customer with SQL, which does not flush JPA's pending insert
            entityManager.flush();
        }
        long contactId = contactService.create(customerId, contactData(lead, newCustomer), user);
        Long opportunityId = command.opportunity() == null
                ? null
                : opportunityService.open(new NewOpportunity(customerId, command.opportunity(), ownerId, leadId), user);
        lead.markConverted(customerId, contactId, opportunityId, confirmationRequired);
        events.publishEvent(new LeadConverted(leadId, customerId, user.id()));
        return new LeadConversion(customerId, contactId, opportunityId);
    }

    private List<DuplicateCandidate> duplicates(Lead lead, CurrentUser user) {
        String name = lead.getCompanyName() == null ? lead.getContactName() : lead.getCompanyName();
        OwnerScope read = customerAccess.readScope(user);
        OwnerScope write = customerAccess.writeScope(user);
        return customerQueries
                .duplicateCandidates(name, lead.getPhoneDigits(), lead.getEmail(), CANDIDATE_LIMIT)
                .stream()
                .map(c -> {
                    boolean visible = read.includes(c.ownerId());
                    return new DuplicateCandidate(
                            visible ? c.id() : null,
                            visible ? c.code() : null,
                            c.name(),
                            c.ownerName(),
                            c.nameMatched(),
                            c.phoneMatched(),
                            c.emailMatched(),
                            visible && write.includes(c.ownerId()));
                })
                .toList();
    }

    private static CustomerDetailsData customerData(Lead lead) {
        boolean company = lead.getCompanyName() != null;
        return new CustomerDetailsData(
                company ? lead.getCompanyName() : lead.getContactName(),
                lead.getPhone(),
                lead.getEmail(),
                null,
                null,
                null,
                customerSource(lead.getSource()),
                company ? RelationCategory.B2B : RelationCategory.CONSUMER,
                Importance.ORDINARY,
                CustomerStatus.TARGET,
                List.of(),
                Map.of());
    }

    private static ContactData contactData(Lead lead, boolean responsible) {
        String phone = lead.getPhone();
        // an 11-digit number starting with 1 is a mainland mobile; anything else is an office line
        boolean mobile = lead.getPhoneDigits() != null && lead.getPhoneDigits().matches("1\\d{10}");
        return new ContactData(
                lead.getContactName(),
                lead.getContactTitle(),
                null,
                mobile ? phone : null,
                mobile ? null : phone,
                lead.getEmail(),
                null,
                null,
                responsible,
                Boolean.TRUE.equals(lead.getHasAuthority()),
                null,
                null,
                false,
                lead.getNotes());
    }

    private static CustomerSource customerSource(LeadSource source) {
        return switch (source) {
            case REFERRAL -> CustomerSource.REFERRAL;
            case DIRECTORY -> CustomerSource.DIRECTORY;
            case PARTNER_LIST -> CustomerSource.PARTNER;
            case ADVERTISING_REPLY -> CustomerSource.ADVERTISING;
            case EXHIBITION -> CustomerSource.EXHIBITION;
            case WEB_FORM -> CustomerSource.WEB_FORM;
            case PHONE -> CustomerSource.PHONE;
            case CAMPAIGN -> CustomerSource.OTHER;
        };
    }

    /** The owner, the owner's manager or an admin converts; pool leads must be claimed first. */
    private Lead loadOwned(long id, CurrentUser user) {
        LeadService.requireSeller(user);
        Lead lead = leads.findById(id).orElseThrow(() -> new LeadNotFoundException(id));
        if (lead.getOwnerId() == null) {
            throw new IllegalLeadStateException("lead.claimFirst", "Claim lead " + id + " before converting it");
        }
        if (!users.ownerScope(user).includes(lead.getOwnerId())) {
            throw new LeadNotFoundException(id);
        }
        return lead;
    }
}
