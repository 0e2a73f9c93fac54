-- Marketing campaigns (市场活动, CATALOG 1.8, 4.9, features 25-27 and 33): the campaign with its budget, its expense
-- claims (报销单据), and its members (the customers, contacts, leads or walk-in prospects it targeted) with their
-- responses. Attribution of orders to campaigns reads campaign_member.customer_id and touched_on (see
-- marketing.CampaignAttribution).
create sequence campaign_seq increment by 50;
create sequence campaign_expense_seq increment by 50;
create sequence campaign_member_seq increment by 50;

create table campaign (
    id                bigint        not null,
    name              text          not null,
    type              text          not null,
    objective         text,
    owner_id          bigint        not null,
    status            text          not null,
    start_on          date          not null,
    end_on            date          not null,
    budget            numeric(19,2) not null,
    currency          char(3)       not null,
    -- the sum of the expense lines, kept by the campaign aggregate in the transaction that adds or removes a line
    spent             numeric(19,2) not null default 0,
    -- orders placed this many days after a member's first touch count for the campaign
    attribution_days  integer       not null,
    -- exhibitions (会展) only: the show
    show_kind         text,
    show_organiser    text,
    show_venue        text,
    show_booth        text,
    created_by        bigint        not null,
    version           bigint        not null default 0,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    constraint campaign_pk primary key (id),
    constraint campaign_owner_fk foreign key (owner_id) references app_user (id),
    constraint campaign_created_by_fk foreign key (created_by) references app_user (id),
    constraint campaign_name_ck check (char_length(name) between 1 and 200),
    constraint campaign_type_ck check (type in ('ADVERTISING', 'EXHIBITION', 'EVENT', 'PROMOTION', 'EMAIL', 'PHONE',
        'SOCIAL', 'CLUB')),
    constraint campaign_status_ck check (status in ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    constraint campaign_dates_ck check (start_on <= end_on),
    constraint campaign_budget_ck check (budget >= 0),
    constraint campaign_spent_ck check (spent >= 0),
    constraint campaign_attribution_ck check (attribution_days between 0 and 3650),
    constraint campaign_show_kind_ck check (show_kind is null or show_kind in ('PUBLIC_WELFARE', 'GENERAL',
        'PROFESSIONAL', 'CONSUMER', 'TRADE')),
    constraint campaign_show_only_exhibition_ck check (type = 'EXHIBITION' or (show_kind is null
        and show_organiser is null and show_venue is null and show_booth is null))
);
create index campaign_start_idx on campaign (start_on desc, id desc);
create index campaign_status_start_idx on campaign (status, start_on desc, id desc);
create index campaign_owner_idx on campaign (owner_id, start_on desc);
create index campaign_created_by_idx on campaign (created_by);
create index campaign_name_prefix_idx on campaign (lower(name) text_pattern_ops);

create table campaign_expense (
    id          bigint        not null,
    campaign_id bigint        not null,
    spent_on    date          not null,
    category    text          not null,
    amount      numeric(19,2) not null,
    note        text,
    recorded_by bigint        not null,
    recorded_at timestamptz   not null,
    constraint campaign_expense_pk primary key (id),
    constraint campaign_expense_campaign_fk foreign key (campaign_id) references campaign (id) on delete cascade,
    constraint campaign_expense_user_fk foreign key (recorded_by) references app_user (id),
    constraint campaign_expense_category_ck check (category in ('VENUE', 'BOOTH', 'ADVERTISING', 'MATERIALS',
        'GIFTS', 'TRAVEL', 'CATERING', 'STAFF', 'SERVICES', 'OTHER')),
    constraint campaign_expense_amount_ck check (amount > 0),
    constraint campaign_expense_note_ck check (note is null or char_length(note) <= 500)
);
create index campaign_expense_campaign_idx on campaign_expense (campaign_id, spent_on desc, id desc);
create index campaign_expense_user_idx on campaign_expense (recorded_by);

-- A member is exactly one of: a customer, a contact (customer_id copied from the contact), a lead, or a walk-in
-- prospect typed in at the event (name, company, phone, e-mail). customer_id is the customer the member's orders
-- come from: set at once for customers and contacts, and when the member's lead is converted (sales.LeadConverted).
create table campaign_member (
    id                bigint      not null,
    campaign_id       bigint      not null,
    member_type       text        not null,
    customer_id       bigint,
    contact_id        bigint,
    lead_id           bigint,
    prospect_name     text,
    prospect_company  text,
    prospect_phone    text,
    prospect_email    text,
    status            text        not null default 'TARGETED',
    sent_on           date,
    responded_on      date,
    attended_on       date,
    converted_on      date,
    -- the first touch: the earliest of the response dates; attribution windows start here
    touched_on        date        generated always as (least(sent_on, responded_on, attended_on, converted_on)) stored,
    -- the lead a response was turned into (one click, e.g. an exhibition visitor)
    converted_lead_id bigint,
    -- the segment whose snapshot added the member, if any
    segment_id        bigint,
    note              text,
    added_by          bigint      not null,
    added_at          timestamptz not null,
    version           bigint      not null default 0,
    constraint campaign_member_pk primary key (id),
    constraint campaign_member_campaign_fk foreign key (campaign_id) references campaign (id) on delete cascade,
    constraint campaign_member_customer_fk foreign key (customer_id) references customer (id),
    constraint campaign_member_contact_fk foreign key (contact_id) references contact (id),
    constraint campaign_member_lead_fk foreign key (lead_id) references lead (id),
    constraint campaign_member_converted_lead_fk foreign key (converted_lead_id) references lead (id),
    constraint campaign_member_added_by_fk foreign key (added_by) references app_user (id),
    constraint campaign_member_type_ck check (member_type in ('CUSTOMER', 'CONTACT', 'LEAD', 'PROSPECT')),
    constraint campaign_member_shape_ck check (case member_type
        when 'CUSTOMER' then customer_id is not null and contact_id is null and lead_id is null
        when 'CONTACT' then contact_id is not null and customer_id is not null and lead_id is null
        when 'LEAD' then lead_id is not null and contact_id is null
        else prospect_name is not null and contact_id is null and lead_id is null end),
    constraint campaign_member_status_ck check (status in ('TARGETED', 'SENT', 'RESPONDED', 'ATTENDED', 'CONVERTED')),
    constraint campaign_member_prospect_ck check (prospect_name is null or char_length(prospect_name) between 1 and 200)
);
-- one membership per person per campaign
create unique index campaign_member_customer_uk on campaign_member (campaign_id, customer_id) where member_type = 'CUSTOMER';
create unique index campaign_member_contact_uk on campaign_member (campaign_id, contact_id) where member_type = 'CONTACT';
create unique index campaign_member_lead_uk on campaign_member (campaign_id, lead_id) where member_type = 'LEAD';
-- the member list of a campaign, and its counts by status
create index campaign_member_campaign_idx on campaign_member (campaign_id, status, id);
-- attribution: every touch of a customer, by date (the "last touch wins" anti-join reads it)
create index campaign_member_touch_idx on campaign_member (customer_id, touched_on)
    where customer_id is not null and touched_on is not null;
create index campaign_member_lead_idx on campaign_member (lead_id) where lead_id is not null;
create index campaign_member_converted_lead_idx on campaign_member (converted_lead_id) where converted_lead_id is not null;
create index campaign_member_contact_idx on campaign_member (contact_id) where contact_id is not null;
create index campaign_member_segment_idx on campaign_member (segment_id) where segment_id is not null;
create index campaign_member_added_by_idx on campaign_member (added_by);
