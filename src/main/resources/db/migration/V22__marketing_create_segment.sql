-- Segments (CATALOG 1.8, 4.7, 4.9; features 28, 29, 32, 34): saved, named filters over customers. The criteria are
-- a JSON document (marketing.SegmentCriteria) turned into SQL from constant fragments with bound values
-- (marketing.SegmentQueries); counts are live. Adding a segment to a campaign snapshots its members into
-- campaign_member in the background, in batches of customer ids, with progress kept in segment_snapshot.
create sequence segment_seq increment by 50;
create sequence segment_snapshot_seq increment by 50;

create table segment (
    id          bigint      not null,
    name        text        not null,
    description text,
    criteria    jsonb       not null default '{}',
    -- built-in segments (win-back) are defined here, not by a user: they can be used but not edited or deleted
    built_in    boolean     not null default false,
    created_by  bigint,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint segment_pk primary key (id),
    constraint segment_created_by_fk foreign key (created_by) references app_user (id),
    constraint segment_name_ck check (char_length(name) between 1 and 100),
    constraint segment_description_ck check (description is null or char_length(description) <= 1000),
    constraint segment_built_in_ck check (built_in or created_by is not null)
);
create unique index segment_name_uk on segment (lower(name));
create index segment_created_by_idx on segment (created_by);

-- One "add this segment to that campaign" run. matched = added + already (customers of the segment that were members
-- already); total is the segment's count when the run started. last_customer_id is where the next batch starts, so
-- a run interrupted by a restart resumes there.
create table segment_snapshot (
    id               bigint      not null,
    segment_id       bigint      not null,
    campaign_id      bigint      not null,
    status           text        not null,
    -- the criteria and the date the run selects with, fixed when it starts (the segment may be edited meanwhile)
    criteria         jsonb       not null,
    as_of            date        not null,
    total            bigint      not null,
    added            bigint      not null default 0,
    already          bigint      not null default 0,
    last_customer_id bigint      not null default 0,
    max_customer_id  bigint      not null,
    started_by       bigint      not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    constraint segment_snapshot_pk primary key (id),
    constraint segment_snapshot_segment_fk foreign key (segment_id) references segment (id) on delete cascade,
    constraint segment_snapshot_campaign_fk foreign key (campaign_id) references campaign (id) on delete cascade,
    constraint segment_snapshot_user_fk foreign key (started_by) references app_user (id),
    constraint segment_snapshot_status_ck check (status in ('RUNNING', 'DONE', 'FAILED')),
    constraint segment_snapshot_counts_ck check (total >= 0 and added >= 0 and already >= 0)
);
create index segment_snapshot_segment_idx on segment_snapshot (segment_id, started_at desc);
create index segment_snapshot_campaign_idx on segment_snapshot (campaign_id);
create index segment_snapshot_user_idx on segment_snapshot (started_by);
-- one run at a time per segment and campaign
create unique index segment_snapshot_running_uk on segment_snapshot (segment_id, campaign_id) where status = 'RUNNING';

-- Segment counts over a million customers (docs/benchmarks.md): a narrow index of the low-cardinality columns the
-- criteria filter on, with id and the retention flag, so counts by industry, region, source, status, tier, kind or
-- owner are index-only scans of this index (100 MB at 1M customers) instead of the table (480 MB); industry and region
-- lead because they are the catalogue's target-group criteria (CATALOG 1.8).
create index customer_segment_idx on customer (industry, region, source, status, importance, kind, owner_id)
    include (retention_flag, id) where not archived;

-- The member's segment (campaign_member.segment_id, V20) now has its table; a deleted segment leaves its members.
alter table campaign_member add constraint campaign_member_segment_fk foreign key (segment_id) references segment (id)
    on delete set null;

-- The built-in win-back segment (CATALOG 4.7): lost customers and lapsed buyers, never those not worth retaining.
insert into segment (id, name, description, criteria, built_in, created_by)
values (nextval('segment_seq'), 'Win-back / 挽回流失客户',
        'Lost customers and buyers far beyond their usual interval; customers flagged bad credit or fraud are left out. '
            || '流失客户与久未复购的客户;信用差或欺诈的客户不在其中。',
        '{"winBack": true}', true, null);
