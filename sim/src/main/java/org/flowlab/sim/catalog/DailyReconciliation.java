package org.flowlab.sim.catalog;

/**
 * One day of {@code bank-eod}'s reconciliation: the day's postings totalled by kind, with amounts
 * signed as the ledger posts them (withdrawals and transfer debits negative). A bank checks that
 * the transfers net to zero ({@link #transferNet()} is exactly 0.0 and debits and credits are as
 * many) and that the day's net change is deposits plus withdrawals. Every total is an exact sum
 * rounded once.
 *
 * @param deposits          how many deposits
 * @param depositTotal      their sum
 * @param withdrawals       how many withdrawals
 * @param withdrawalTotal   their sum (negative)
 * @param transferDebits    how many transfer debit legs (on the paying accounts)
 * @param transferDebitTotal their sum (negative)
 * @param transferCredits   how many transfer credit legs (on the receiving accounts)
 * @param transferCreditTotal their sum
 * @param transferNet       the exact sum of all transfer legs, 0.0 when every transfer is whole
 * @param netChange         the exact sum of every posting of the day: the change of all balances
 */
public record DailyReconciliation(long deposits, double depositTotal, long withdrawals, double withdrawalTotal,
                                  long transferDebits, double transferDebitTotal,
                                  long transferCredits, double transferCreditTotal,
                                  double transferNet, double netChange) {

    /** Whether the transfers balance: as many debits as credits, netting to exactly zero. */
    public boolean transfersBalance() {
        return transferDebits == transferCredits && transferNet == 0.0;
    }
}
