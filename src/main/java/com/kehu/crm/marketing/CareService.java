package com.kehu.crm.marketing;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the care programmes: managers and admins only (reps and marketers read them). */
@Service
@Transactional
@RequiredArgsConstructor
public class CareService {

    private final CareItemRepository items;

    /** Whether the user may change the programmes: decided by role alone, so the page needs no query for it. */
    public static boolean canManage(CurrentUser user) {
        return user.isManager() || user.isAdmin();
    }

    public long add(CareItemData data, CurrentUser user) {
        requireManager(user);
        return items.saveAndFlush(new CareItem(data)).getId();
    }

    public void update(long id, long expectedVersion, CareItemData data, CurrentUser user) {
        requireManager(user);
        CareItem item = items.findById(id).orElseThrow(() -> new CareItemNotFoundException(id));
        if (item.getVersion() != expectedVersion) {
            throw new EditConflictException("Care item " + id, expectedVersion, item.getVersion());
        }
        item.update(data);
        items.flush();
    }

    /** Stops creating tasks for the item; the tasks already created stay. */
    public void deactivate(long id, CurrentUser user) {
        requireManager(user);
        items.findById(id).orElseThrow(() -> new CareItemNotFoundException(id)).deactivate();
    }

    private static void requireManager(CurrentUser user) {
        if (!canManage(user)) {
            throw new AccessDeniedException("Role " + user.role() + " cannot change care programmes");
        }
    }
}
