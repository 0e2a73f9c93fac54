-- Identity: teams, users and the login throttle.
create sequence team_seq increment by 50;
create sequence app_user_seq increment by 50;

create table team (
    id          bigint      not null,
    name        text        not null,
    manager_id  bigint,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint team_pk primary key (id),
    constraint team_name_uk unique (name)
);

create table app_user (
    id                  bigint      not null,
    username            text        not null,
    display_name        text        not null,
    password_hash       text        not null,
    enabled             boolean     not null default true,
    role                text        not null,
    team_id             bigint,
    preferred_language  text,
    password_changed_at timestamptz,
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint app_user_pk primary key (id),
    constraint app_user_username_uk unique (username),
    constraint app_user_username_lower_ck check (username = lower(username)),
    constraint app_user_role_ck check (role in ('SALES_REP', 'SUPPORT_AGENT', 'MARKETER', 'MANAGER', 'ADMIN')),
    constraint app_user_language_ck check (preferred_language in ('en', 'zh-CN')),
    constraint app_user_team_fk foreign key (team_id) references team (id)
);
create index app_user_team_idx on app_user (team_id);

alter table team add constraint team_manager_fk foreign key (manager_id) references app_user (id);

-- One row per username tried (known or not, so the response never reveals which usernames exist).
create table login_attempt (
    username_key    text        not null,
    failures        integer     not null default 0,
    last_failure_at timestamptz not null,
    locked_until    timestamptz,
    constraint login_attempt_pk primary key (username_key)
);
