package com.kehu.crm.contact;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
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

    public long create(long customerId, ContactData data, CurrentUser user) {
        switch (customers.accessTo(customerId, user)) {
            case NONE -> throw CustomerNotFoundException.forId(customerId);
            case READ -> throw new AccessDeniedException("Read-only access to customer " + customerId);
            case WRITE -> {}
        }
        return contacts.save(new Contact(customerId, data)).getId();
    }

    public void update(long id, long expectedVersion, ContactData data, CurrentUser user) {
        Contact contact = loadForWrite(id, user);
        if (contact.getVersion() != expectedVersion) {
            throw new EditConflictException("Contact " + id, expectedVersion, contact.getVersion());
        }
        contact.update(data);
    }

    public void delete(long id, CurrentUser user) {
        contacts.delete(loadForWrite(id, user));
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
