package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.analytics.AnalyticsTestData;
import com.kehu.crm.analytics.MetricsRefresh;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analytics journey of issue 7 in a real browser: the manager opens the dashboard, reads what the value tiers mean,
 * drills from the VIP level of the pyramid to the list of VIP customers, opens one and reads on its analytics tab why it
 * is VIP; then the same in Chinese. The charts are drawn without a console error or CSP violation.
 */
class AnalyticsDashboardIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    long customer(String owner, String code, String name) {
        return new AnalyticsTestData(jdbc).customer(owner, code, name);
    }

    void order(long customer, LocalDate date, String amount, String cost) {
        new AnalyticsTestData(jdbc).order(customer, date, amount, cost);
    }

    /** The top buyer of the database, owned by rep1 (the manager's team), and a few small buyers; then a refresh. */
    String prepare() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String name = "星河贸易" + tag;
        long vip = customer("rep1", "E2E-" + tag, name);
        LocalDate today = LocalDate.now();
        for (int i = 1; i <= 8; i++) {
            order(vip, today.minusDays(25L * i), "95000000.00", "15000000.00");
        }
        for (int i = 0; i < 10; i++) {
            long small = customer(i % 2 == 0 ? "rep1" : "rep2", "E2F-" + tag + i, "小店" + tag + i);
            order(small, today.minusDays(30L + 40L * i), String.valueOf(100 + 10 * i) + ".00", "60.00");
            order(small, today.minusDays(300L + 10L * i), "80.00", "50.00");
        }
        AnalyticsTestData.refresh(refresh);
        return name;
    }

    /** From the dashboard's pyramid to the VIP list to the customer's analytics tab; returns the tab's VIP text. */
    String drillToVip(String name) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pyramid")));
        // the charts are drawn (Chart.js from the WebJar, started by dashboard.js)
        wait.until(d -> Boolean.TRUE.equals(
                script("var c = document.querySelector('canvas[data-chart]'); return !!(c && c.chart);")));
        driver.findElement(By.id("tier-VIP")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drill-table")));
        WebElement row = driver.findElement(By.linkText(name));
        screenshotAfterScroll(row);
        row.click();
        By tierText = By.cssSelector("#customer-analytics [data-section='valueTier']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(tierText));
        return driver.findElement(tierText).getText();
    }

    void screenshotAfterScroll(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    @Test
    void theManagerDrillsFromTheVipSliceToACustomerAndReadsWhyItIsVip() {
        String name = prepare();

        driver.get(url("/analytics"));
        signIn("manager", "kehu-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manager-dashboard")));
        assertThat(driver.getCurrentUrl()).endsWith("/analytics/manager");
        // the language is kept per user: an earlier browser test may have left the manager in Chinese
        if (!"en".equals(lang())) {
            new Select(driver.findElement(By.id("lang-select"))).selectByVisibleText("English");
            wait.until(d -> "en".equals(lang()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manager-dashboard")));
        }
        // what the value tiers mean, one click away, with the parameters in force
        driver.findElement(By.cssSelector("#card-tiers .def-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("def-tiers")));
        assertThat(driver.findElement(By.id("def-tiers")).getText()).contains("The top 20% are VIP");
        assertThat(driver.findElement(By.id("tier-VIP")).getText()).contains("VIP");
        screenshot("50-analytics-manager-dashboard");
        // the satisfaction and service-level cards arrive after the page, with their chart
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-satisfaction")));
        wait.until(d -> Boolean.TRUE.equals(script(
                "var c = document.querySelector('#card-satisfaction canvas[data-chart]'); return !!(c && c.chart);")));
        screenshotAfterScroll(driver.findElement(By.id("card-churn")));
        screenshot("50b-analytics-manager-dashboard-churn");
        assertNoBrowserErrors();

        String why = drillToVip(name);
        assertThat(why).startsWith("VIP: 12-month profit ¥").contains("rank ").contains("the top 20% of customers");
        screenshot("51-analytics-customer-why-vip");
        assertNoBrowserErrors();

        // the same in Chinese
        new Select(driver.findElement(By.id("lang-select"))).selectByVisibleText("简体中文");
        wait.until(d -> "zh-CN".equals(lang()));
        driver.get(url("/analytics/manager"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manager-dashboard")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("经理仪表盘");
        assertThat(driver.findElement(By.id("tier-VIP")).getText()).contains("贵宾型");
        assertThat(driver.findElement(By.id("loyalty-matrix")).getText())
                .contains("忠诚者")
                .contains("潜在忠诚者")
                .contains("虚假忠诚者")
                .contains("不忠诚者");
        screenshot("52-analytics-manager-dashboard-zh");
        String whyZh = drillToVip(name);
        assertThat(whyZh).startsWith("贵宾型客户：近12个月利润").contains("排第");
        screenshot("53-analytics-customer-why-vip-zh");
        assertNoBrowserErrors();

        // back to English for whoever signs in as the manager next
        new Select(driver.findElement(By.id("lang-select"))).selectByVisibleText("English");
        wait.until(d -> "en".equals(lang()));
    }
}
