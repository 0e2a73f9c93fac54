package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import journey of issue 6 in a real browser: a manager uploads a GBK-encoded customer list written by a Chinese
 * spreadsheet program, maps the one column nobody could guess, sees the bad row in the preview, runs the import, watches
 * it finish, opens the error report, and undoes the import; then sees the wizard in Chinese.
 */
class ImportJourneyIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    int customersNamed(String prefix) {
        return jdbc.sql("select count(*) from customer where name like :p")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void aManagerImportsAChineseCustomerListAndUndoesIt() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String prefix = "导入" + n;
        String csv = "客户名称,电话,邮箱,地区,所属行业\r\n"
                + prefix + "杭州西湖茶业有限公司,0571-8" + n + ",xihu" + n + "@example.com,华东,零售\r\n"
                + prefix + "北京长城机械厂,010-6" + n + ",changcheng" + n + "@example.com,华北,制造业\r\n"
                + prefix + "广州珠江物流,020-3" + n + ",,华南,物流\r\n"
                + prefix + "坏邮箱贸易公司,021-5" + n + ",not-an-email,华东,批发\r\n";
        Path file = Files.createTempFile("客户名单-", ".csv");
        Files.write(file, csv.getBytes(Charset.forName("GBK")));
        try {
            // Upload
            driver.get(url("/data/imports/new"));
            signIn("manager", "kehu-demo");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
            driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            new Select(driver.findElement(By.id("type"))).selectByValue("CUSTOMERS");
            driver.findElement(By.id("upload")).click();

            // Mapping: the Chinese headers are guessed, 所属行业 is mapped by hand
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-table")));
            assertThat(new Select(driver.findElement(By.id("col_0")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("name");
            assertThat(new Select(driver.findElement(By.id("col_3")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("region");
            Select industry = new Select(driver.findElement(By.id("col_4")));
            assertThat(industry.getFirstSelectedOption().getAttribute("value")).isEmpty();
            industry.selectByValue("industry");
            screenshot("40-import-mapping");
            driver.findElement(By.id("to-preview")).click();

            // Preview: the bad e-mail is marked with its reason
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-table")));
            assertThat(driver.findElement(By.id("preview-encoding")).getText()).contains("GB18030");
            List<WebElement> bad = driver.findElements(By.cssSelector("#preview-table tr.preview-bad"));
            assertThat(bad).hasSize(1);
            assertThat(bad.get(0).getText()).contains("坏邮箱贸易公司").contains("Not a valid e-mail address.");
            screenshot("41-import-preview");
            driver.findElement(By.id("run-import")).click();

            // Progress, then the report
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-progress")));
            assertThat(driver.findElement(By.id("import-progress")).getAttribute("role"))
                    .isEqualTo("progressbar");
            wait.until(ExpectedConditions.attributeToBe(By.id("import-status"), "data-status", "DONE"));
            wait.until(ExpectedConditions.textToBe(By.id("count-inserted"), "3"));
            assertThat(driver.findElement(By.id("count-failed")).getText()).isEqualTo("1");
            assertThat(driver.findElement(By.id("import-progress")).getAttribute("aria-valuenow"))
                    .isEqualTo("100");
            assertThat(customersNamed(prefix)).isEqualTo(3);
            screenshot("42-import-report");

            // The error report: each failed row with its line and reason
            WebElement errorFile = driver.findElement(By.id("error-file"));
            assertThat(errorFile.getText()).isEqualTo("Download the failed row");
            String errors = (String) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.text()).then(done);",
                            errorFile.getAttribute("href"));
            assertThat(errors).contains("Line,Reason").contains("5,Not a valid e-mail address.,");
            assertThat(errors).contains("not-an-email");

            // Undo, confirmed in the browser's dialog
            driver.findElement(By.id("undo-import")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-undone")));
            assertThat(driver.findElement(By.id("import-status-badge")).getText())
                    .isEqualTo("Undone");
            assertThat(driver.findElements(By.id("undo-import"))).isEmpty();
            assertThat(customersNamed(prefix)).isZero();
            assertNoBrowserErrors();

            // The list shows it, and the wizard reads in Chinese
            driver.findElement(By.linkText("Imports")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("imports-table")));
            new Select(driver.findElement(By.id("lang-select"))).selectByVisibleText("简体中文");
            wait.until(d -> "zh-CN".equals(lang()));
            screenshot("43-import-list-zh");
            driver.findElement(By.id("new-import")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
            screenshot("44-import-upload-zh");
            // a file over the limit is refused in the browser, before it is sent
            WebElement input = driver.findElement(By.id("file"));
            script("arguments[0].setAttribute('data-max-bytes', '100')", input);
            input.sendKeys(file.toAbsolutePath().toString());
            assertThat(input.getDomProperty("validationMessage")).startsWith("文件过大");
            driver.findElement(By.id("upload")).click();
            assertThat(driver.findElements(By.id("mapping-table"))).isEmpty();
            script("arguments[0].setAttribute('data-max-bytes', '2147483648')", input);
            input.clear();
            input.sendKeys(file.toAbsolutePath().toString());
            assertThat(input.getDomProperty("validationMessage")).isEmpty();
            driver.findElement(By.id("upload")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-table")));
            // without 所属行业 mapped the import still works; choose name twice to see the message in Chinese
            new Select(driver.findElement(By.id("col_1"))).selectByValue("name");
            driver.findElement(By.id("to-preview")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("col_1_error")));
            assertThat(driver.findElement(By.id("col_1_error")).getText()).isEqualTo("该字段已被另一列选用。");
            screenshot("45-import-mapping-zh");
            new Select(driver.findElement(By.id("col_1"))).selectByValue("phone");
            driver.findElement(By.id("to-preview")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-table")));
            assertThat(driver.findElement(By.cssSelector("#preview-table tr.preview-bad"))
                            .getText())
                    .contains("邮箱格式不正确。");
            screenshot("46-import-preview-zh");
            assertNoBrowserErrors();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
