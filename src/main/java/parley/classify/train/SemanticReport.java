package parley.classify.train;

import java.util.Map;
import parley.classify.Category;

/**
 * Figures from the accurate stage's second model ({@code model}: what it is, in words for the card). {@code devAuc}
 * holds, per category, pooled-dev ROC-AUC of {fast, model alone, stacked}; the stacked figure is 5-fold
 * cross-validated on dev because the stacker itself is fitted on dev.
 */
public record SemanticReport(String model, Map<String, double[][]> semanticTest, Map<String, double[][]> stackedDev,
    Map<String, double[][]> stackedTest, Map<Category, double[]> devAuc, boolean accurateIsDefault, double embedSeconds) {}
