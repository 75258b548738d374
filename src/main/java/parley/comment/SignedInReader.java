package parley.comment;

/**
 * A reader the auth feature has identified (session cookie or the site's SSO token). The auth before-handler puts
 * it in the request's attributes under {@link #ATTRIBUTE}; comments then carry the account's name and id.
 */
public record SignedInReader(long accountId, String name, String email) {
  public static final String ATTRIBUTE = "parley.reader";
}
