/** Swedish texts of digestScheduler. */
export const digestScheduler = {
  theBotCanNoLonger: (p: { code: string; ref: string }) =>
    `Boten kan inte längre posta i kanalen (${p.code}). Bjud in boten igen och skriv "digest återuppta ${p.ref}".`,
};
