package org.flowlab.sim.catalog;

import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.job.aggregate.ExactSum;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.text.DurationText;

/**
 * The jobs of {@code bank-eod} (key = account, value = signed amount; a transfer is a debit leg on
 * the payer and a credit leg on the payee at the same event time). Days are calendar days of event
 * time, day 0 starting at virtual time 0 (midnight). Sums are exact, so balances are to the cent.
 */
final class BankJobs {

    static final long DAY = DurationText.NANOS_PER_DAY;

    private BankJobs() {
    }

    /**
     * Each account's balance at the end of every day it has postings: the sum of all its postings
     * from the start of the trace up to the end of that day (opening balances are taken as zero),
     * output at the day's last instant.
     */
    static Job eodBalance(TraceSchema schema, JobParameters p) {
        return Job.named("eod-balance", "closing balance per account at the end of each day with postings")
                .from(RowFilter.kind("deposit", "withdrawal", "transfer"))
                .keyBy("account", Row::key)
                .process("closing-balance", ClosingBalance::new)
                .build();
    }

    /** Each account's net change per day: the sum of its postings in the day. */
    static Job netPerAccountDay(TraceSchema schema, JobParameters p) {
        return Job.named("net-per-account-day", "net change of each account per day")
                .from(RowFilter.kind("deposit", "withdrawal", "transfer"))
                .keyBy("account", Row::key)
                .window(Windows.tumbling(DAY))
                .aggregate(Aggregates.sum())
                .build();
    }

    /** The whole bank's totals per day (key 0), as a {@link DailyReconciliation}. */
    static Job reconciliation(TraceSchema schema, JobParameters p) {
        int deposit = Kinds.index(schema, "deposit");
        int withdrawal = Kinds.index(schema, "withdrawal");
        int transfer = Kinds.index(schema, "transfer");
        AggregateFunction<LedgerTotals, DailyReconciliation> totals = Aggregates.of("reconciliation",
                () -> LedgerTotals.EMPTY, (t, row) -> t.plus(row, deposit, withdrawal, transfer),
                LedgerTotals::merge, LedgerTotals::result);
        return Job.named("reconciliation", "daily totals of deposits, withdrawals and transfer legs; transfers net to zero")
                .from(RowFilter.kind("deposit", "withdrawal", "transfer"))
                .keyBy("bank", row -> 0L)
                .window(Windows.tumbling(DAY))
                .aggregate(totals)
                .build();
    }

    /** Running balance in state; a timer at the last instant of each day with postings outputs it. */
    static final class ClosingBalance implements KeyedProcessFunction {
        private static final String BALANCE = "balance";

        @Override
        public void processElement(Row row, ProcessContext ctx) {
            ExactSum balance = ctx.state(BALANCE);
            ctx.setState(BALANCE, (balance == null ? ExactSum.ZERO : balance).plus(row.value()));
            long dayEnd = Math.floorDiv(row.eventTime(), DAY) * DAY + DAY;
            ctx.registerTimer(dayEnd - 1);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            ExactSum balance = ctx.state(BALANCE);
            ctx.emit(balance.toDouble());
        }
    }

    /** Counts and exact sums per kind of posting; immutable. */
    record LedgerTotals(long deposits, ExactSum depositSum, long withdrawals, ExactSum withdrawalSum,
                        long debits, ExactSum debitSum, long credits, ExactSum creditSum) {

        static final LedgerTotals EMPTY = new LedgerTotals(0, ExactSum.ZERO, 0, ExactSum.ZERO,
                0, ExactSum.ZERO, 0, ExactSum.ZERO);

        LedgerTotals plus(Row row, int deposit, int withdrawal, int transfer) {
            double v = row.value();
            if (row.kind() == deposit) {
                return new LedgerTotals(deposits + 1, depositSum.plus(v), withdrawals, withdrawalSum,
                        debits, debitSum, credits, creditSum);
            }
            if (row.kind() == withdrawal) {
                return new LedgerTotals(deposits, depositSum, withdrawals + 1, withdrawalSum.plus(v),
                        debits, debitSum, credits, creditSum);
            }
            if (row.kind() == transfer) {
                return v < 0
                        ? new LedgerTotals(deposits, depositSum, withdrawals, withdrawalSum,
                                debits + 1, debitSum.plus(v), credits, creditSum)
                        : new LedgerTotals(deposits, depositSum, withdrawals, withdrawalSum,
                                debits, debitSum, credits + 1, creditSum.plus(v));
            }
            return this;
        }

        LedgerTotals merge(LedgerTotals o) {
            return new LedgerTotals(deposits + o.deposits, depositSum.plus(o.depositSum),
                    withdrawals + o.withdrawals, withdrawalSum.plus(o.withdrawalSum),
                    debits + o.debits, debitSum.plus(o.debitSum), credits + o.credits, creditSum.plus(o.creditSum));
        }

        DailyReconciliation result() {
            ExactSum transfers = debitSum.plus(creditSum);
            ExactSum all = depositSum.plus(withdrawalSum).plus(transfers);
            return new DailyReconciliation(deposits, depositSum.toDouble(), withdrawals, withdrawalSum.toDouble(),
                    debits, debitSum.toDouble(), credits, creditSum.toDouble(), transfers.toDouble(), all.toDouble());
        }
    }
}
