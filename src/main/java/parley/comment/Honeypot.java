package parley.comment;

import java.util.List;
import java.util.Map;
import parley.kit.Json;

/**
 * A comment that filled the widget's hidden honeypot field: people never see that field, form-filling bots do. It is
 * stored rejected (the bot gets an ordinary answer; a moderator can still restore a false positive from the Rejected
 * queue) without being scored. The spam-defence filter marks such requests with {@link #ATTRIBUTE}.
 */
public final class Honeypot {
  public static final String ATTRIBUTE = "parley.honeypot";
  public static final String RULE = "honeypot";

  private Honeypot() {}

  public static final ArrivalCheck REJECT = arrival -> new ArrivalCheck.Decision(CommentState.REJECTED, null,
      Json.MAPPER.valueToTree(Map.of("verdict", "reject", "reasons",
          List.of(Map.of("rule", RULE, "detail", "filled the hidden honeypot field that only bots see")))).toString());
}
