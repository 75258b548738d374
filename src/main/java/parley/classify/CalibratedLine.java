package parley.classify;

/**
 * One category's hold and reject line as a model folder's {@code thresholds.json} gives them: the lines its training
 * chose for a news site (ordinary comments held within budget), which a site's policy starts from.
 */
public record CalibratedLine(double hold, double reject) {}
