package com.kehu.crm.customer;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.domain.EditConflictException;
import java.util.Map;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on customers. Every method checks the record rules before it touches anything. */
@Service
@Transactional
@RequiredArgsConstructor
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final UserQueries users;
    private final AuditLog audit;

    public long register(RegisterCustomer command, CurrentUser user) {
        if (!access.canCreate(user)) {
            throw new AccessDeniedException("Role " + user.role() + " cannot create customers");
        }
        long ownerId = command.ownerId() == null ? user.id() : command.ownerId();
        requireAssignable(ownerId, user);
        String code = command.code() == null || command.code().isBlank()
                ? generateCode()
                : command.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (customers.existsByCode(code)) {
            throw new DuplicateCustomerCodeException(code);
        }
        Customer customer = new Customer(code, command.kind(), command.data(), ownerId, user.id());
        long id = customers.save(customer).getId();
        audit.changes(
                AuditedType.CUSTOMER, id, user.id(), AuditSnapshot.diff(AuditSnapshot.NONE, customer.auditSnapshot()));
        return id;
    }

    public void update(long id, long expectedVersion, CustomerDetailsData data, CurrentUser user) {
        update(id, expectedVersion, data, null, user);
    }

    /** A full edit and, when {@code newOwnerId} differs from the current owner, a reassignment: all or nothing. */
    public void update(
            long id, long expectedVersion, CustomerDetailsData data, @Nullable Long newOwnerId, CurrentUser user) {
        Customer customer = loadForWrite(id, user);
        checkVersion(customer, expectedVersion);
        audited(customer, user.id(), c -> {
            if (newOwnerId != null && newOwnerId != c.getOwnerId()) {
                requireAssignable(newOwnerId, user);
                c.reassignTo(newOwnerId);
            }
            c.update(data, user.id());
        });
    }

    public void changeStatus(long id, CustomerStatus status, CurrentUser user) {
        audited(loadForWrite(id, user), user.id(), c -> c.moveTo(status, user.id()));
    }

    /**
     * The single place where orders move a customer: called by the order module in the transaction that completes
     * an order. The caller has already checked that {@code changedBy} may change the order (and so the customer).
     */
    public PurchaseStage recordCompletedOrder(long customerId, @Nullable Long changedBy) {
        Customer customer =
                customers.findById(customerId).orElseThrow(() -> CustomerNotFoundException.forId(customerId));
        audited(customer, changedBy, c -> c.recordCompletedOrder(changedBy));
        return customer.purchaseStage();
    }

    /** Marks the customer as not worth retaining (bad credit, fraud), or clears the mark with null. */
    public void flagRetention(long id, @Nullable RetentionFlag flag, CurrentUser user) {
        audited(loadForWrite(id, user), user.id(), c -> c.flagRetention(flag));
    }

    public void reassign(long id, long newOwnerId, CurrentUser user) {
        Customer customer = loadForWrite(id, user);
        requireAssignable(newOwnerId, user);
        audited(customer, user.id(), c -> c.reassignTo(newOwnerId));
    }

    public void archive(long id, CurrentUser user) {
        audited(loadForWrite(id, user), user.id(), Customer::archive);
    }

    public void restore(long id, CurrentUser user) {
        audited(loadForWrite(id, user), user.id(), Customer::restore);
    }

    /** Applies a change and records its field changes in this transaction (no change without its history). */
    private void audited(Customer customer, @Nullable Long changedBy, Consumer<Customer> change) {
        Map<String, @Nullable String> before = customer.auditSnapshot();
        change.accept(customer);
        audit.changes(
                AuditedType.CUSTOMER,
                customer.getId(),
                changedBy,
                AuditSnapshot.diff(before, customer.auditSnapshot()));
    }

    private Customer loadForWrite(long id, CurrentUser user) {
        Customer customer = customers.findById(id).orElseThrow(() -> CustomerNotFoundException.forId(id));
        if (!access.readScope(user).includes(customer.getOwnerId())) {
            throw CustomerNotFoundException.forId(id);
        }
        if (!access.writeScope(user).includes(customer.getOwnerId())) {
            throw new AccessDeniedException("Read-only access to customer " + id);
        }
        return customer;
    }

    private void checkVersion(Customer customer, long expectedVersion) {
        if (customer.getVersion() != expectedVersion) {
            throw new EditConflictException("Customer " + customer.getId(), expectedVersion, customer.getVersion());
        }
    }

    private void requireAssignable(long ownerId, CurrentUser user) {
        boolean allowed = users.assignableOwners(user).stream().map(UserRef::id).anyMatch(id -> id == ownerId);
        if (!allowed) {
            throw new OwnerNotAssignableException(ownerId);
        }
    }

    private String generateCode() {
        String code;
        do {
            code = formatCode(customers.nextCodeNumber());
        } while (customers.existsByCode(code));
        return code;
    }

    static String formatCode(long number) {
        return "C%07d".formatted(number);
    }
}
