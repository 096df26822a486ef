package io.gdwct.eval;

import java.util.function.ToDoubleFunction;

/**
 * The per-pair numbers an evaluation averages, with their JSON key and table label, so the JSON,
 * the summary and the table list them in one order and cannot drift apart. Labels avoid {@code |}:
 * they end up in Markdown table cells.
 */
public enum Metric {
    STYLE_RATIO("styleRatio", "style ratio (W2 Lab, lower = closer to exemplar)", PairResult::styleRatio),
    TEXTURE_RATIO("textureRatio", "texture ratio (W2 Gabor, lower = closer)", PairResult::textureRatio),
    STRUCTURE("structure", "structure (SSIM to content, 1 = same)", PairResult::structure),
    TONE("tone", "tone (luminance correlation with content, 1 = same light and dark, < 0 = inverted)", PairResult::tone),
    WHITENING_ERROR("whiteningError", "whitening error (mean abs(Σ − I), 0 = white)", PairResult::whiteningError),
    COLORING_ORTHOGONALITY("coloringOrthogonality", "coloring orthogonality (mean abs(UᵀU − I), 0 = orthonormal)", PairResult::coloringOrthogonality),
    MS("ms", "ms per translation (forward)", PairResult::ms);

    private final String key;
    private final String label;
    private final ToDoubleFunction<PairResult> getter;

    Metric(String key, String label, ToDoubleFunction<PairResult> getter) {
        this.key = key;
        this.label = label;
        this.getter = getter;
    }

    /** The field name in metrics.json. */
    public String key() {
        return key;
    }

    /** The row label of the printed table. */
    public String label() {
        return label;
    }

    /** This metric's value in one pair's result. */
    public double of(PairResult pair) {
        return getter.applyAsDouble(pair);
    }
}
