-- Imports (issue 6): an import can be all-or-nothing; then one bad row rejects the whole file and nothing changes.
alter table import_job add column all_or_nothing boolean not null default false;
