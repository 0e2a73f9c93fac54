-- The admin screen for the analytics parameters (issue 7): the survey attributes with their names, so the CSI
-- weights can be edited per attribute (analytics reads other modules only through views it owns), and an audit event
-- kind for changed settings, so a change of the parameters shows in the admin audit log like a role change does.
create view analytics_survey_attribute_v as
select sa.code, sa.label_en, sa.label_zh, sa.position, sa.active
from survey_attribute sa;

alter table audit_event drop constraint audit_event_kind_ck;
alter table audit_event add constraint audit_event_kind_ck check (kind in ('LOGIN_SUCCESS', 'LOGIN_FAILURE',
    'ROLE_CHANGE', 'USER_CHANGE', 'EXPORT', 'IMPORT', 'IMPORT_UNDO', 'MERGE', 'DELETE', 'SETTINGS_CHANGE'));
