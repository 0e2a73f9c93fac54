package com.kehu.crm.marketing;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines, changes and deletes segments; one transaction per command. */
@Service
@Transactional
@RequiredArgsConstructor
public class SegmentService {

    private final SegmentRepository segments;

    public long create(SegmentData data, CurrentUser user) {
        SegmentAccess.require(user);
        check(data, 0);
        try {
            return segments.saveAndFlush(new Segment(data, user.id())).getId();
        } catch (DataIntegrityViolationException e) {
            // two users saving the same name at once: the unique index decides
            throw new SegmentNameTakenException(data.name());
        }
    }

    public void update(long id, long expectedVersion, SegmentData data, CurrentUser user) {
        SegmentAccess.require(user);
        Segment segment = segments.findById(id).orElseThrow(() -> SegmentNotFoundException.forId(id));
        segment.requireEditable();
        if (segment.getVersion() != expectedVersion) {
            throw new EditConflictException("Segment " + id, expectedVersion, segment.getVersion());
        }
        check(data, id);
        segment.redefine(data);
        try {
            segments.flush();
        } catch (DataIntegrityViolationException e) {
            throw new SegmentNameTakenException(data.name());
        }
    }

    public void delete(long id, CurrentUser user) {
        SegmentAccess.require(user);
        Segment segment = segments.findById(id).orElseThrow(() -> SegmentNotFoundException.forId(id));
        segment.requireEditable();
        segments.delete(segment);
    }

    private void check(SegmentData data, long exceptId) {
        List<SegmentCriteria.Problem> problems = data.criteria().problems();
        if (!problems.isEmpty()) {
            throw new InvalidSegmentCriteriaException(problems);
        }
        if (segments.nameTaken(data.name().strip(), exceptId)) {
            throw new SegmentNameTakenException(data.name());
        }
    }
}
