package parley.widget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parley.comment.CommentService;
import parley.comment.CommentService.PostRequest;
import parley.comment.Sort;

/** Seeds the demo article with a short, realistic discussion so a newcomer sees Parley working at once. */
public final class DemoSeeder {
  public static final String SITE = "demo";
  public static final String PAGE = "demo-article";
  private static final String TITLE = "Council approves the Riverside tram line after a decade of debate";

  /** key, parent key (or null), author, markdown */
  private static final List<String[]> DISCUSSION = List.of(
      new String[] {"a", null, "Marta K.", "Finally. I've been taking two buses to the hospital for eight years. "
          + "If the line really opens in 2029 it will change my week."},
      new String[] {"b", "a", "Jonas", "Same here. The **Eastgate stop** alone saves me twenty minutes each way."},
      new String[] {"c", "b", "Marta K.", "Do we know yet whether the night service runs past midnight?"},
      new String[] {"d", "c", "Priya S.", "The council papers say *until 00:30 on weekdays*, 02:00 on weekends. "
          + "Page 14 of the [planning summary](https://example.org/riverside-tram.pdf)."},
      new String[] {"e", null, "Tom Whitfield", "I'm not against trams, but £412m is a lot of money. What happens "
          + "to the bus routes that overlap with the line?"},
      new String[] {"f", "e", "Priya S.", "Routes 7 and 12 get shortened to feed the tram stops, according to the "
          + "article. Whether that's better depends on where you live."},
      new String[] {"g", "e", "Ade", "Fair question. Other cities saw bus ridership *rise* after trams opened "
          + "because the feeder routes got more frequent."},
      new String[] {"h", null, "Lena", "Will the construction close Market Street? Our shop barely survived the "
          + "water-main works in 2022."});

  /** When each comment of DISCUSSION was posted, so the demo reads like a discussion of this morning. */
  private static final int[] MINUTES_AGO = {340, 310, 300, 255, 190, 170, 95, 42};

  private DemoSeeder() {}

  public static void seedIfEmpty(CommentService comments, Clock clock) {
    if (comments.thread(SITE, PAGE, Sort.OLDEST, null, 1, null).thread() != null) return;
    Map<String, Long> ids = new HashMap<>();
    Instant now = clock.instant();
    for (int i = 0; i < DISCUSSION.size(); i++) {
      String[] c = DISCUSSION.get(i);
      Long parent = c[1] == null ? null : ids.get(c[1]);
      Clock then = Clock.fixed(now.minus(Duration.ofMinutes(MINUTES_AGO[i])), ZoneOffset.UTC);
      var posted = comments.withClock(then).post(new PostRequest(SITE, PAGE, null, TITLE, parent, c[2], null, c[3], "demo-" + c[2]));
      ids.put(c[0], posted.comment().id());
    }
    comments.vote(ids.get("d"), "demo-voter-1", 1L);
    comments.vote(ids.get("d"), "demo-voter-2", 1L);
    comments.vote(ids.get("g"), "demo-voter-1", 1L);
    comments.vote(ids.get("a"), "demo-voter-3", 1L);
  }
}
