/** How the asking price compares with the printed price: what a fan checks first. */
export function priceVsFaceValue(price: number, faceValue: number): string {
  if (price === faceValue || faceValue === 0) return "At face value";
  const percent = Math.round((Math.abs(price - faceValue) / faceValue) * 100);
  // A difference under half a percent still is one: say so rather than "0% below".
  const amount = percent === 0 ? "Less than 1%" : `${percent}%`;
  return `${amount} ${price < faceValue ? "below" : "above"} face value`;
}
