package com.kehu.crm.customer.demo;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic, deterministic customers: the same seed and index always give the same customer, so demo data and
 * benchmark databases are reproducible. Chinese and English names of companies and people, spread over owners,
 * regions, industries, sources and statuses.
 */
public final class CustomerGenerator {

    private static final String[] CITIES = {
        "上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "苏州", "天津", "重庆", "青岛", "宁波",
        "厦门", "长沙", "郑州", "沈阳", "大连", "合肥", "昆明", "福州", "济南", "无锡", "佛山", "东莞", "哈尔滨", "南昌"
    };
    private static final String[] BRANDS = {
        "华光", "金泰", "恒通", "东方", "新创", "宏达", "鼎盛", "瑞丰", "永信", "中科", "天成", "嘉禾", "明德", "博远",
        "海纳", "锦程", "安泰", "富源", "联创", "星辰", "蓝海", "正和", "德信", "万邦", "润泽", "远航", "精工", "华夏",
        "长青", "兴业", "盛世", "启明", "同舟", "九州", "凯旋", "宝丰", "晨曦", "汇通", "鸿运", "青松", "翰林", "云帆"
    };
    private static final String[][] TRADES = {
        {"MANUFACTURING", "机械"},
        {"MANUFACTURING", "电子"},
        {"MANUFACTURING", "汽配"},
        {"MANUFACTURING", "化工"},
        {"RETAIL", "服饰"},
        {"RETAIL", "茶业"},
        {"WHOLESALE", "贸易"},
        {"WHOLESALE", "建材"},
        {"FINANCE", "投资"},
        {"EDUCATION", "教育"},
        {"MEDICAL", "医药"},
        {"IT", "科技"},
        {"IT", "软件"},
        {"REAL_ESTATE", "地产"},
        {"LOGISTICS", "物流"},
        {"CATERING", "餐饮"},
        {"CATERING", "食品"},
        {"OTHER", "文化传媒"}
    };
    private static final String[] COMPANY_SUFFIXES = {"有限公司", "有限公司", "股份有限公司", "集团有限公司", "商行"};
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "欧阳", "司马"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英",
        "建华", "文", "华", "红", "玉兰", "志强", "晓东", "海燕", "子涵", "浩然", "雨欣", "梓轩"
    };
    private static final String[] EN_ADJECTIVES = {
        "Bright",
        "Golden",
        "Blue",
        "Northern",
        "Pacific",
        "Silver",
        "Summit",
        "Green",
        "Harbor",
        "Union",
        "Eastern",
        "Prime",
        "Pioneer",
        "Crystal",
        "Evergreen",
        "Lotus"
    };
    private static final String[] EN_NOUNS = {
        "Harbor", "River", "Bridge", "Peak", "Star", "Field", "Gate", "Stone", "Wave", "Crest", "Point", "Valley"
    };
    private static final Map<String, String> EN_TRADES = Map.ofEntries(
            Map.entry("MANUFACTURING", "Machinery"),
            Map.entry("RETAIL", "Retail"),
            Map.entry("WHOLESALE", "Trading"),
            Map.entry("FINANCE", "Capital"),
            Map.entry("EDUCATION", "Education"),
            Map.entry("MEDICAL", "Medical"),
            Map.entry("IT", "Technologies"),
            Map.entry("REAL_ESTATE", "Properties"),
            Map.entry("LOGISTICS", "Logistics"),
            Map.entry("CATERING", "Foods"),
            Map.entry("OTHER", "Consulting"));
    private static final String[] EN_SUFFIXES = {"Ltd", "Co., Ltd", "Inc.", "Group", "GmbH", "Pte Ltd"};
    private static final String[] EN_FIRST = {
        "Emily", "James", "Sophia", "Daniel", "Olivia", "Michael", "Grace", "David", "Chloe", "Lucas", "Hannah", "Ryan"
    };
    private static final String[] EN_LAST = {
        "Chen", "Wong", "Smith", "Lee", "Brown", "Tan", "Müller", "Garcia", "Kim", "Nguyen", "Taylor", "Lin"
    };
    private static final String[] STREETS = {"人民路", "中山路", "解放路", "建设路", "南京路", "长江路", "和平路", "科技园路"};
    private static final String[] TAGS = {"重点跟进", "老客户", "展会", "价格敏感", "华东", "线上", "大客户", "转介绍"};
    private static final Region[] CITY_REGIONS = {
        Region.EAST,
        Region.NORTH,
        Region.SOUTH,
        Region.SOUTH,
        Region.EAST,
        Region.EAST,
        Region.SOUTHWEST,
        Region.CENTRAL,
        Region.NORTHWEST,
        Region.EAST,
        Region.NORTH,
        Region.SOUTHWEST,
        Region.EAST,
        Region.EAST,
        Region.SOUTH,
        Region.CENTRAL,
        Region.CENTRAL,
        Region.NORTHEAST,
        Region.NORTHEAST,
        Region.EAST,
        Region.SOUTHWEST,
        Region.SOUTH,
        Region.NORTH,
        Region.EAST,
        Region.SOUTH,
        Region.SOUTH,
        Region.NORTHEAST,
        Region.CENTRAL
    };
    private static final Duration HISTORY = Duration.ofDays(3 * 365);

    private final long seed;
    private final Instant now;

    public CustomerGenerator(long seed, Instant now) {
        this.seed = seed;
        this.now = now;
    }

    /** The customer number {@code index} (0-based), owned by one of {@code ownerIds}, with the given code. */
    public GeneratedCustomer customer(long index, List<Long> ownerIds, String code) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        boolean enterprise = random.nextInt(100) < 60;
        boolean latin = random.nextInt(100) < (enterprise ? 12 : 18);
        int city = random.nextInt(CITIES.length);
        String[] trade = TRADES[random.nextInt(TRADES.length)];
        String name;
        if (enterprise) {
            name = latin
                    ? pick(random, EN_ADJECTIVES) + " " + pick(random, EN_NOUNS) + " " + EN_TRADES.get(trade[0]) + " "
                            + pick(random, EN_SUFFIXES)
                    : CITIES[city] + pick(random, BRANDS) + trade[1] + pick(random, COMPANY_SUFFIXES);
        } else {
            name = latin
                    ? pick(random, EN_FIRST) + " " + pick(random, EN_LAST)
                    : pick(random, SURNAMES) + pick(random, GIVEN);
        }
        String phone = enterprise && random.nextBoolean()
                ? "0" + (10 + random.nextInt(890)) + "-" + (2000_0000 + random.nextInt(7999_9999))
                : "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextLong(1_000_000_000L));
        String email = random.nextInt(100) < 55
                ? (enterprise ? "info" + index : "user" + index) + "@" + (latin ? "example.com" : "example.cn")
                : null;
        String address = CITIES[city] + "市" + pick(random, STREETS) + (1 + random.nextInt(999)) + "号";
        Region region = latin && random.nextInt(3) == 0 ? Region.OVERSEAS : CITY_REGIONS[city];
        Industry industry = enterprise ? Industry.valueOf(trade[0]) : Industry.OTHER;
        CustomerSource source = CustomerSource.values()[random.nextInt(CustomerSource.values().length)];
        String relation = enterprise ? (random.nextInt(10) == 0 ? "CHANNEL" : "B2B") : "CONSUMER";
        int roll = random.nextInt(100);
        Importance importance = roll < 5 ? Importance.VIP : roll < 25 ? Importance.IMPORTANT : Importance.ORDINARY;
        int s = random.nextInt(100);
        CustomerStatus status = s < 30
                ? CustomerStatus.POTENTIAL
                : s < 50 ? CustomerStatus.TARGET : s < 88 ? CustomerStatus.ACTUAL : CustomerStatus.LOST;
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String tag = pick(random, TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        Map<String, String> profile = new LinkedHashMap<>();
        if (enterprise) {
            profile.put("basic.foundedYear", String.valueOf(1985 + random.nextInt(38)));
            profile.put("basic.employees", String.valueOf(10 + random.nextInt(5000)));
            if (!latin) {
                profile.put("responsible.name", pick(random, SURNAMES) + pick(random, GIVEN));
            }
        } else {
            profile.put("basic.gender", random.nextBoolean() ? "男" : "女");
            profile.put(
                    "basic.birthday",
                    LocalDate.of(1955 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString());
            profile.put("consumption.householdSize", String.valueOf(1 + random.nextInt(6)));
        }
        long ownerId = ownerIds.get(random.nextInt(ownerIds.size()));
        Instant createdAt = now.minusSeconds(random.nextLong(HISTORY.toSeconds()));
        return new GeneratedCustomer(
                code,
                enterprise ? CustomerKind.ENTERPRISE.name() : CustomerKind.INDIVIDUAL.name(),
                name,
                phone,
                email,
                address,
                region.name(),
                industry.name(),
                source.name(),
                relation,
                importance.name(),
                status.name(),
                ownerId,
                List.copyOf(tags),
                Map.copyOf(profile),
                createdAt);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
