package io.gdwct.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void eachEpochVisitsEveryAImageOnceAndEpochsAreReshuffled() {
        int sizeA = 20;
        BatchPlan plan = new BatchPlan(11, sizeA, 7, 3);
        // 3 epochs = 60 positions = 20 batches of 3, crossing epoch boundaries mid-batch
        int[] seen = new int[60];
        for (int k = 0; k < 20; k++) {
            BatchPlan.Sample[] samples = plan.samples(k);
            for (int j = 0; j < 3; j++) {
                seen[k * 3 + j] = samples[j].aIndex();
            }
        }
        int[][] epochs = new int[3][];
        for (int e = 0; e < 3; e++) {
            epochs[e] = Arrays.copyOfRange(seen, e * sizeA, (e + 1) * sizeA);
            assertArrayEquals(IntStream.range(0, sizeA).toArray(), Arrays.stream(epochs[e]).sorted().toArray(), "epoch " + e);
        }
        assertFalse(Arrays.equals(epochs[0], epochs[1]));
        assertFalse(Arrays.equals(epochs[1], epochs[2]));
        assertEquals(2, plan.epochOf(14)); // positions 42..44
    }

    @Test
    void batchContentIsAPureFunctionOfSeedAndIndex() {
        BatchPlan one = new BatchPlan(5, 10, 10, 4);
        BatchPlan other = new BatchPlan(5, 10, 10, 4);
        other.samples(99); // history must not matter
        for (long k : new long[] {7, 0, 3, 1_000_000}) {
            assertEquals(Arrays.asList(one.samples(k)), Arrays.asList(other.samples(k)));
        }
        assertNotEquals(Arrays.asList(one.samples(0)), Arrays.asList(new BatchPlan(6, 10, 10, 4).samples(0)));
    }

    @Test
    void domainBIsDrawnUniformly() {
        BatchPlan plan = new BatchPlan(1, 3, 5, 8);
        int[] counts = new int[5];
        for (int k = 0; k < 500; k++) {
            for (BatchPlan.Sample s : plan.samples(k)) {
                counts[s.bIndex()]++;
            }
        }
        for (int c : counts) {
            // 4000 draws, 800 expected each; 5 standard deviations is about 126
            assertEquals(800, c, 130, Arrays.toString(counts));
        }
    }
}
