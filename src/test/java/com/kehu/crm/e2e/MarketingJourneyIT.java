package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.OrderDraft;
import com.kehu.crm.order.OrderService;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.order.ProductData;
import com.kehu.crm.order.ProductService;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The marketing journey of issue 5 in a real browser: a marketer builds a segment, plans an exhibition with a budget
 * and expenses, adds the segment's customers, records their responses, turns a walk-in visitor into a lead, and sees
 * the campaign's ROI once an order from a touched customer arrives; then reads the campaign in Chinese.
 */
class MarketingJourneyIT extends BrowserTest {

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    long customer(String name, String tag) {
        return customers.register(
                new RegisterCustomer(
                        CustomerKind.ENTERPRISE,
                        null,
                        new CustomerDetailsData(
                                name,
                                "021-5555 " + ThreadLocalRandom.current().nextInt(1000, 10_000),
                                null,
                                null,
                                Region.EAST,
                                Industry.MANUFACTURING,
                                null,
                                RelationCategory.B2B,
                                Importance.IMPORTANT,
                                CustomerStatus.TARGET,
                                List.of(tag),
                                Map.of()),
                        null),
                user("rep1"));
    }

    void setValue(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        script("arguments[0].value = arguments[1]", field, value);
    }

    @Test
    void aMarketerPlansRunsAndMeasuresAnExhibition() {
        int n = ThreadLocalRandom.current().nextInt(1000, 10_000);
        String tag = "工博会" + n;
        String buyer = "上海精工机械有限公司" + n;
        customer(buyer, tag);
        customer("苏州恒力轴承有限公司" + n, tag);
        LocalDate today = calendar.today();

        // A segment of the targeted customers, counted live
        driver.get(url("/segments/new"));
        signIn("marketer1", "kehu-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("segment-form")));
        driver.findElement(By.id("name")).sendKeys("工博会邀约名单 " + n);
        driver.findElement(By.id("tags")).sendKeys(tag);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("segment-count"), "2"));
        screenshot("30-segment-builder");
        driver.findElement(By.id("save-segment")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("segment-total")));
        assertThat(driver.findElement(By.id("segment-total")).getText()).contains("2");
        assertThat(driver.findElement(By.id("segment-customers")).getText()).contains(buyer);
        String segmentUrl = driver.getCurrentUrl();

        // An exhibition with its show, budget and an expense
        driver.get(url("/campaigns/new"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-form")));
        driver.findElement(By.id("name")).sendKeys("2026 中国国际工业博览会 " + n);
        new Select(driver.findElement(By.id("type"))).selectByValue("EXHIBITION");
        setValue("startOn", today.minusDays(3).toString());
        setValue("endOn", today.plusDays(2).toString());
        driver.findElement(By.id("budget")).clear();
        driver.findElement(By.id("budget")).sendKeys("50000");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("showVenue")));
        new Select(driver.findElement(By.id("showKind"))).selectByValue("PROFESSIONAL");
        driver.findElement(By.id("showOrganiser")).sendKeys("东浩兰生会展集团");
        driver.findElement(By.id("showVenue")).sendKeys("国家会展中心（上海）");
        driver.findElement(By.id("showBooth")).sendKeys("5.1H-B012");
        driver.findElement(By.id("save-campaign")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-name")));
        long campaign = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/campaigns/(\\d+).*", "$1"));
        driver.findElement(By.id("status-ACTIVE")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("expense-form")));

        WebElement expenses = driver.findElement(By.id("expense-form"));
        setValue("spentOn", today.minusDays(3).toString());
        new Select(expenses.findElement(By.id("category"))).selectByValue("BOOTH");
        expenses.findElement(By.id("amount")).sendKeys("2000");
        expenses.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-spent"), "2,000"));

        // The segment's customers become members: a snapshot taken now
        driver.findElement(By.id("add-from-segment")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-hint")));
        driver.get(segmentUrl + "?campaign=" + campaign);
        WebElement add = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-to-campaign")));
        assertThat(new Select(add.findElement(By.id("campaignId")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(String.valueOf(campaign));
        add.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("segment-snapshots"), "2"));
        screenshot("31-segment-snapshot");

        // Responses recorded at the show for one of them
        driver.get(url("/campaigns/" + campaign));
        WebElement members = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-table")));
        assertThat(members.getText()).contains(buyer);
        WebElement row = members.findElement(By.xpath(".//tr[contains(., '" + buyer + "')]"));
        row.findElement(By.name("memberIds")).click();
        new Select(driver.findElement(By.id("response"))).selectByValue("ATTENDED");
        setValue("response-on", today.minusDays(2).toString());
        driver.findElement(By.id("record-responses")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-table"), "Attended"));

        // A walk-in visitor at the booth, turned into a lead with one click
        script("document.querySelector('#prospect-form').closest('details').open = true");
        WebElement prospect = driver.findElement(By.id("prospect-form"));
        prospect.findElement(By.id("name")).sendKeys("王建国");
        prospect.findElement(By.id("company")).sendKeys("宁波新材料科技有限公司" + n);
        prospect.findElement(By.id("phone")).sendKeys("138 0574 " + n);
        prospect.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement convert = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//table[@id='member-table']//tr[contains(., '王建国')]//button[contains(@class, 'convert-to-lead')]")));
        convert.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-table"), "Converted"));
        assertThat(jdbc.sql("""
                        select l.source from campaign_member m join lead l on l.id = m.converted_lead_id
                        where m.campaign_id = ? and m.prospect_name = '王建国'""").param(campaign).query(String.class).single()).isEqualTo("EXHIBITION");
        // cost spent, nothing earned yet: ROI = (0 − 2,000) / 2,000
        assertThat(driver.findElement(By.id("perf-roi")).getText()).contains("-100");
        screenshot("32-campaign-members");

        // An order from the customer who came to the booth arrives: margin 10,000 − 4,000 = 6,000
        long product = products.create(
                new ProductData(
                        "CNC-" + n, "数控车床", "台", new BigDecimal("10000.00"), new BigDecimal("4000.00"), "CNY", true),
                user("manager"));
        long buyerId = jdbc.sql("select id from customer where name = ?")
                .param(buyer)
                .query(Long.class)
                .single();
        long order = orders.create(
                new OrderDraft(
                        buyerId, null, today, "CNY", List.of(new OrderDraft.Line(product, BigDecimal.ONE, null, null))),
                user("rep1"));
        orders.changeStatus(order, OrderStatus.CONFIRMED, user("rep1"));

        // ROI = (6,000 − 2,000) / 2,000 = 200 %
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("perf-roi"), "200"));
        assertThat(driver.findElement(By.id("perf-revenue")).getText()).contains("10,000");
        assertThat(driver.findElement(By.id("perf-margin")).getText()).contains("6,000");
        assertThat(driver.findElement(By.id("perf-cost")).getText()).contains("2,000");
        assertThat(driver.findElement(By.id("perf-leads")).getText()).contains("1");
        screenshot("33-campaign-roi");
        assertNoBrowserErrors();

        // The same campaign in Chinese
        new Select(driver.findElement(By.id("lang-select"))).selectByVisibleText("简体中文");
        wait.until(d -> "zh-CN".equals(lang()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("perf-roi")));
        assertThat(driver.findElement(By.id("member-table")).getText()).contains("已参加");
        assertThat(driver.findElement(By.id("perf-roi")).getText()).contains("200");
        assertThat(driver.findElement(By.id("campaign-budget")).getText()).contains("50,000.00");
        screenshot("34-campaign-zh");
        assertNoBrowserErrors();
    }
}
