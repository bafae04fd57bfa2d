// The one set of formatters lives with the contracts, shared with the emails and the services.
export { formatDate, formatDateTime, formatMoney, type MoneyValue } from "@tx/api-contracts";
