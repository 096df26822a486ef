package io.gdwct.eval;

import java.util.Objects;

/**
 * Everything measured for one (content, exemplar) pair: one entry of metrics.json's {@code pairs}.
 *
 * @param content the content image's name (path relative to --content)
 * @param exemplar the exemplar's name (path relative to --exemplars)
 * @param styleRatio see {@link PairScores#styleRatio}; NaN when undefined
 * @param textureRatio see {@link PairScores#textureRatio}; NaN when undefined
 * @param structure see {@link PairScores#structure}
 * @param tone see {@link PairScores#tone}; NaN when undefined
 * @param whiteningError mean |Σ − I| of the content feature's group covariances over all GDWCT
 *     modules ({@link io.gdwct.model.GdwctStats#whiteningError})
 * @param coloringOrthogonality mean |UᵀU − I| of the coloring bases over all modules
 * @param ms wall time of the model forward (style code, content code, decoder, output to host)
 */
public record PairResult(String content, String exemplar, double styleRatio, double textureRatio,
        double structure, double tone, double whiteningError, double coloringOrthogonality, double ms) {

    public PairResult {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(exemplar, "exemplar");
    }

    /** A result from the image scores and the model's statistics. */
    public static PairResult of(String content, String exemplar, PairScores scores,
            double whiteningError, double coloringOrthogonality, double ms) {
        return new PairResult(content, exemplar, scores.styleRatio(), scores.textureRatio(),
                scores.structure(), scores.tone(), whiteningError, coloringOrthogonality, ms);
    }
}
