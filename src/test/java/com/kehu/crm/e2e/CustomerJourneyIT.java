package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A sales rep in a real browser: sign in, create a customer with a Chinese name, find it with the live search and
 * switch the screens to Chinese.
 */
class CustomerJourneyIT extends BrowserTest {

    @Test
    void showsAnErrorForAWrongPassword() {
        driver.get(url("/login"));
        signIn("rep2", "not-the-password");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).isEqualTo("Wrong username or password.");
        assertThat(driver.getCurrentUrl()).endsWith("/login?error");
        screenshot("02-login-error");
        assertNoBrowserErrors();
    }

    @Test
    void createsFindsAndShowsACustomerInTwoLanguages() {
        String name = "杭州西湖茶业有限公司" + ThreadLocalRandom.current().nextInt(1000, 10000);
        String searchTerm = name.substring(2); // 西湖茶业有限公司1234: a part, and unique
        String phone = "0571-8765 4321";

        // Sign in; the login page brings us back to the page we asked for
        driver.get(url("/customers"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(lang()).startsWith("en");
        screenshot("01-login");
        signIn("rep1", "kehu-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-table")));
        assertThat(script("return location.pathname")).isEqualTo("/customers");
        assertThat(script("return typeof window.htmx === 'object' && typeof window.bootstrap === 'object'"))
                .as("htmx and Bootstrap are loaded (a CSP violation would block them)")
                .isEqualTo(true);

        // Create a customer
        driver.findElement(By.id("new-customer")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-form")));
        form.findElement(By.id("name")).sendKeys(name);
        form.findElement(By.id("phone")).sendKeys(phone);
        screenshot("03-customer-form");
        driver.findElement(By.id("save-customer")).click();

        // Its detail page
        wait.until(ExpectedConditions.textToBe(By.id("customer-name"), name));
        assertThat(driver.getCurrentUrl()).matches(".*/customers/\\d+$");
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Customer created.");
        assertThat(driver.findElement(By.cssSelector(".customer-facts")).getText())
                .contains(phone);
        screenshot("04-customer-detail");
        assertNoBrowserErrors();

        // The list's live search: htmx swaps the results without reloading the page
        driver.get(url("/customers"));
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        screenshot("05-customer-list");
        script("window.kehuE2eMarker = 'still the same page'");

        search(q, "不存在的客户名称");
        wait.until(d -> emptyResults());

        search(q, searchTerm);
        wait.until(d -> !emptyResults());
        List<WebElement> links = driver.findElement(By.id("customer-table")).findElements(By.linkText(name));
        assertThat(links).hasSize(1);
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("1 customer");
        assertThat(script("return window.kehuE2eMarker"))
                .as("the search updated the page in place")
                .isEqualTo("still the same page");
        assertThat(script("return new URLSearchParams(location.search).get('q')"))
                .as("the search is in the address bar")
                .isEqualTo(searchTerm);
        screenshot("06-customer-search");
        assertNoBrowserErrors();

        assertThat(driver.findElements(By.id("results")))
                .as("one results block after the swap")
                .hasSize(1);

        // Switch to Chinese with the header's language switcher; the search survives
        script("document.addEventListener('htmx:beforeRequest',"
                + " function () { sessionStorage.setItem('kehuE2eHtmx', 'requested'); })");
        WebElement heading = driver.findElement(By.tagName("h1"));
        new Select(driver.findElement(By.id("lang-select"))).selectByVisibleText("简体中文");
        wait.until(ExpectedConditions.stalenessOf(heading));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "客户列表"));
        assertThat(lang()).startsWith("zh");
        assertThat(script("return sessionStorage.getItem('kehuE2eHtmx')"))
                .as("the language switcher does not also fire the live search")
                .isNull();
        assertThat(driver.getTitle()).contains("客户列表");
        assertThat(new Select(driver.findElement(By.id("lang-select")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("简体中文");
        assertThat(driver.findElement(By.id("search-button")).getText()).isEqualTo("搜索");
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(searchTerm);
        assertThat(driver.findElement(By.id("customer-table")).findElements(By.linkText(name)))
                .hasSize(1);
        screenshot("07-customer-list-zh");
        assertNoBrowserErrors();
    }

    /** Replaces the search text the way a user does, which fires htmx's input trigger. */
    private void search(WebElement q, String text) {
        WebElement count = driver.findElement(By.id("result-count"));
        q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        q.sendKeys(text);
        // the swap replaces the results, so the old count goes stale once the answer is in
        wait.until(ExpectedConditions.stalenessOf(count));
        wait.until(d -> text.equals(script("return new URLSearchParams(location.search).get('q')")));
    }

    private boolean emptyResults() {
        return !driver.findElements(By.cssSelector("#customer-table tbody td[colspan]"))
                .isEmpty();
    }
}
