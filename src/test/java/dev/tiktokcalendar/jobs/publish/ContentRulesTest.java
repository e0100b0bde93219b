package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.jobs.publish.PostContent.PostMode;
import dev.tiktokcalendar.jobs.publish.PostContent.PostType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRulesTest {

    private final ContentRules rules = new ContentRules();
    private final CreatorConstraints publicCreator = new CreatorConstraints(
            List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"), false, false, false, 600);

    private static PostContent video(String caption, String privacy) {
        return new PostContent(PostType.VIDEO, PostMode.DIRECT, caption, null, privacy, true, true, true, false, 0, null);
    }

    private static PostContent photos(String title, String description, int count, Integer cover) {
        return new PostContent(PostType.PHOTO, PostMode.DIRECT, description, title, "PUBLIC_TO_EVERYONE",
                false, false, false, false, count, cover);
    }

    @Test
    void aCaptionOfExactly2200Utf16UnitsPassesAndOneMoreFails() {
        assertThat(rules.check(video("a".repeat(2200), "SELF_ONLY"), publicCreator).passed()).isTrue();

        ContentCheck check = rules.check(video("a".repeat(2201), "SELF_ONLY"), publicCreator);

        assertThat(check.violations()).singleElement().hasToString(
                "caption: is 2201 UTF-16 units long; TikTok allows at most 2200 (emoji count twice): shorten it by 1");
    }

    @Test
    void emojiCountTwice() {
        String emoji = "\uD83D\uDE00"; // 😀, outside the BMP
        ContentCheck check = rules.check(video(emoji.repeat(1101), "SELF_ONLY"), publicCreator);

        assertThat(check.violations()).singleElement().extracting(ContentCheck.Violation::reason).asString()
                .startsWith("is 2202 UTF-16 units long");
    }

    @Test
    void privacyMustBeAmongTheCreatorsCurrentOptions() {
        CreatorConstraints privateCreator = new CreatorConstraints(List.of("FOLLOWER_OF_CREATOR", "SELF_ONLY"), false, false, false, 180);

        ContentCheck check = rules.check(video("hi", "PUBLIC_TO_EVERYONE"), privateCreator);

        assertThat(check.violations()).singleElement().hasToString("privacy: PUBLIC_TO_EVERYONE is not among the "
                + "creator's current options [FOLLOWER_OF_CREATOR, SELF_ONLY]; pick one of them");
    }

    @Test
    void aDirectPostNeedsAPrivacyLevelButAnInboxDraftDoesNot() {
        assertThat(rules.check(video("hi", null), publicCreator).violations()).extracting(ContentCheck.Violation::field)
                .containsExactly("privacy");
        PostContent draft = new PostContent(PostType.VIDEO, PostMode.INBOX, "hi", null, null, false, false, false, false, 0, null);
        assertThat(rules.check(draft, publicCreator).passed()).isTrue();
    }

    @Test
    void brandedContentIsNeverPrivate() {
        PostContent branded = new PostContent(PostType.VIDEO, PostMode.DIRECT, "ad", null, "SELF_ONLY", false, false, false, true, 0, null);

        assertThat(rules.check(branded, publicCreator).violations()).singleElement()
                .extracting(ContentCheck.Violation::reason).asString().startsWith("branded content cannot be private");
    }

    @Test
    void interactionsTheCreatorDisabledAreForcedOffNotFailed() {
        CreatorConstraints noDuets = new CreatorConstraints(List.of("SELF_ONLY"), false, true, true, 600);

        ContentCheck check = rules.check(video("hi", "SELF_ONLY"), noDuets);

        assertThat(check.passed()).isTrue();
        assertThat(check.allowComment()).isTrue();
        assertThat(check.allowDuet()).isFalse();
        assertThat(check.allowStitch()).isFalse();
        assertThat(check.adjustments()).containsExactly("duets turned off: the creator has disabled them",
                "stitches turned off: the creator has disabled them");
    }

    @Test
    void photoTitleDescriptionCountAndCoverAreChecked() {
        assertThat(rules.check(photos("t".repeat(90), "d".repeat(4000), 35, 34), publicCreator).passed()).isTrue();

        ContentCheck check = rules.check(photos("t".repeat(91), "d".repeat(4001), 36, 36), publicCreator);

        assertThat(check.violations()).extracting(ContentCheck.Violation::field)
                .containsExactly("title", "caption", "media", "cover_index");
        assertThat(rules.check(photos(null, null, 0, null), publicCreator).violations()).singleElement()
                .hasToString("media: a photo post needs 1 to 35 images, it has 0");
    }
}
