package org.flowlab.sim.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DistinctLongsProperties {

    @Property(tries = 300)
    void behavesLikeASortedSetAndKeepsOldVersions(@ForAll List<@LongRange(min = -40, max = 40) Long> values,
                                                  @ForAll List<Long> more) {
        TreeSet<Long> reference = new TreeSet<>();
        DistinctLongs set = DistinctLongs.empty();
        for (long v : values) {
            DistinctLongs before = set;
            int sizeBefore = before.size();
            set = set.with(v);
            reference.add(v);
            assertThat(before.size()).isEqualTo(sizeBefore);
            assertThat(set.size()).isEqualTo(reference.size());
        }
        assertThat(set.toSortedArray()).containsExactly(reference.stream().mapToLong(Long::longValue).toArray());
        for (long v = -41; v <= 41; v++) {
            assertThat(set.contains(v)).isEqualTo(reference.contains(v));
        }
        DistinctLongs other = DistinctLongs.empty();
        for (long v : more) {
            other = other.with(v);
        }
        reference.addAll(more);
        assertThat(set.union(other)).isEqualTo(other.union(set));
        assertThat(set.union(other).toSortedArray()).containsExactly(reference.stream().mapToLong(Long::longValue).toArray());
    }
}
