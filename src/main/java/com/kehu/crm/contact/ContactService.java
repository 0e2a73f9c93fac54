package com.kehu.crm.contact;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.domain.EditConflictException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on contacts; whoever may change the customer may change its contacts. */
@Service
@Transactional
@RequiredArgsConstructor
public class ContactService {

    private final ContactRepository contacts;
    private final CustomerQueries customers;
    private final AuditLog audit;

    public long create(long customerId, ContactData data, CurrentUser user) {
        switch (customers.accessTo(customerId, user)) {
            case NONE -> throw CustomerNotFoundException.forId(customerId);
            case READ -> throw new AccessDeniedException("Read-only access to customer " + customerId);
            case WRITE -> {}
        }
        Contact contact = contacts.save(new Contact(customerId, data));
        long id = contact.getId();
        audit.changes(
                AuditedType.CONTACT, id, user.id(), AuditSnapshot.diff(AuditSnapshot.NONE, contact.auditSnapshot()));
        return id;
    }

    public void update(long id, long expectedVersion, ContactData data, CurrentUser user) {
        Contact contact = loadForWrite(id, user);
        if (contact.getVersion() != expectedVersion) {
            throw new EditConflictException("Contact " + id, expectedVersion, contact.getVersion());
        }
        var before = contact.auditSnapshot();
        contact.update(data);
        audit.changes(AuditedType.CONTACT, id, user.id(), AuditSnapshot.diff(before, contact.auditSnapshot()));
    }

    public void delete(long id, CurrentUser user) {
        Contact contact = loadForWrite(id, user);
        contacts.delete(contact);
        audit.record(
                AuditEvent.of(AuditEventKind.DELETE, user.id(), user.username(), "Deleted contact " + contact.getName())
                        .about(AuditedType.CONTACT.name(), id)
                        .with(AuditLog.facts("customerId", contact.getCustomerId())));
    }

    private Contact loadForWrite(long id, CurrentUser user) {
        Contact contact = contacts.findById(id).orElseThrow(() -> ContactNotFoundException.forId(id));
        CustomerAccessLevel level = customers.accessTo(contact.getCustomerId(), user);
        if (level == CustomerAccessLevel.NONE) {
            throw ContactNotFoundException.forId(id);
        }
        if (level == CustomerAccessLevel.READ) {
            throw new AccessDeniedException("Read-only access to contact " + id);
        }
        return contact;
    }
}
