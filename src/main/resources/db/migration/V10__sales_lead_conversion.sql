-- Lead screens and conversion (CATALOG 4.2, 6.1 items 7-9): the manager's confirmation of a qualified lead
-- (潜在 → 预期客户), what a conversion created, and the indexes of the lead lists and the search box.
alter table lead add column confirmed_by bigint;
alter table lead add column confirmed_at timestamptz;
alter table lead add column converted_contact_id bigint;
alter table lead add column converted_opportunity_id bigint;
-- company and contact name together, for substring search through the bigram index (like customer.name_bigrams)
alter table lead add column name_bigrams text[]
    generated always as (kehu_bigrams(lower(coalesce(company_name, '') || ' ' || contact_name))) stored;

alter table lead add constraint lead_confirmed_by_fk foreign key (confirmed_by) references app_user (id);
alter table lead add constraint lead_contact_fk foreign key (converted_contact_id) references contact (id);
alter table lead add constraint lead_opportunity_fk foreign key (converted_opportunity_id) references opportunity (id)
    on delete set null;
alter table lead add constraint lead_confirmed_ck check ((confirmed_by is null) = (confirmed_at is null));
alter table lead add constraint lead_converted_ck check (status <> 'CONVERTED' or converted_customer_id is not null);
alter table lead add constraint lead_prospect_list_ck check (prospect_list in ('FRIENDS_AND_RELATIVES', 'INDIVIDUALS',
    'GROUPS', 'INFLUENTIAL_PERSONS', 'PERIODICALS', 'LOST_CUSTOMERS', 'COMPETITOR_CUSTOMERS', 'PARTNER_ORGANISATIONS'));
alter table lead add constraint lead_contact_name_ck check (char_length(contact_name) between 1 and 100) not valid;
alter table lead add constraint lead_notes_ck check (char_length(notes) <= 2000) not valid;

-- lists: a rep's own leads and a team's, newest first (the pool has lead_pool_idx from V5)
create index lead_owner_created_idx on lead (owner_id, created_at desc, id desc) where owner_id is not null;
-- "awaiting confirmation" for managers when crm.sales.manager-confirms-qualified is on
create index lead_awaiting_confirmation_idx on lead (owner_id, created_at desc)
    where status = 'QUALIFIED' and confirmed_at is null;
-- the search box: name substring (bigrams), one-character name prefix, phone digits prefix, e-mail prefix
create index lead_name_bigrams_idx on lead using gin (name_bigrams);
create index lead_company_prefix_idx on lead (lower(company_name) text_pattern_ops);
create index lead_contact_prefix_idx on lead (lower(contact_name) text_pattern_ops);
create index lead_phone_prefix_idx on lead (phone_digits text_pattern_ops);
create index lead_email_prefix_idx on lead (lower(email) text_pattern_ops);
-- foreign keys
create index lead_customer_idx on lead (converted_customer_id) where converted_customer_id is not null;
create index lead_contact_idx on lead (converted_contact_id) where converted_contact_id is not null;
create index lead_opportunity_idx on lead (converted_opportunity_id) where converted_opportunity_id is not null;
create index lead_confirmed_by_idx on lead (confirmed_by) where confirmed_by is not null;
