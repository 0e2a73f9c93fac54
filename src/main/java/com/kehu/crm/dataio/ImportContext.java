package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;

/**
 * What a kind of import needs to validate, merge or undo one job.
 *
 * @param id the import_job id; its rows are the import_row rows with this import_id
 * @param request what the user asked for (for undo: rebuilt from the job row, the file long gone)
 * @param user who runs (or undoes) it
 * @param headerCount columns in the file's header; a row with another count fails
 * @param assignable the users the importer may give records to (a manager: their team; an admin: everyone)
 */
record ImportContext(long id, ImportRequest request, CurrentUser user, int headerCount, Long[] assignable) {}
