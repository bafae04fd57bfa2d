// Run by the mongodb-rs-init Job with mongosh. Every step checks before it acts, so running
// it again (every `kubectl apply`) changes nothing that is already right.
//   1. wait for every member of MONGO_HOSTS;
//   2. rs.initiate() on the first member unless the set already exists;
//   3. wait for a primary, make w:majority + journal the cluster's default write concern;
//   4. create or update one user per service (a file in USERS_DIR: name = service,
//      content = password), allowed readWrite on its own database tx_<service> only.
// biome-ignore lint/style/useNodejsImportProtocol: a mongosh script; keep the plain module name
const fs = require("fs");

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const replicaSet = env("REPLICA_SET");
const hosts = env("MONGO_HOSTS")
  .split(",")
  .map((h) => h.trim())
  .filter(Boolean);
const rootUser = encodeURIComponent(env("ROOT_USERNAME"));
const rootPassword = encodeURIComponent(env("ROOT_PASSWORD"));
const credentials = `${rootUser}:${rootPassword}@`;
const common =
  "authSource=admin&authMechanism=SCRAM-SHA-256&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000";

function retry(what, fn, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // Not `return fn()`: mongosh awaits a call only where its value is used, and a
      // rejection returned from a try block would escape the catch.
      const result = fn();
      return result;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${err.message}`);
      print(`waiting for ${what}: ${err.message}`);
      sleep(3000);
    }
  }
}

const admin = (uri) => new Mongo(uri).getDB("admin");
const member = (host) => admin(`mongodb://${credentials}${host}/?directConnection=true&${common}`);

// 1. Every member answers (its root user exists: the image's entrypoint made it on first start).
for (const host of hosts) retry(host, () => member(host).runCommand({ ping: 1 }));

// 2. Initiate once.
const first = member(hosts[0]);
let initiated = true;
try {
  first.runCommand({ replSetGetStatus: 1 });
} catch (err) {
  if (err.codeName !== "NotYetInitialized" && err.code !== 94) throw err;
  initiated = false;
}
if (initiated) {
  print(`replica set ${replicaSet} already initiated`);
} else {
  const config = {
    _id: replicaSet,
    // A write acknowledged by a majority is also in the journal of that majority.
    writeConcernMajorityJournalDefault: true,
    members: hosts.map((host, i) => ({ _id: i, host })),
  };
  print(`initiating ${replicaSet} with ${hosts.join(", ")}`);
  first.runCommand({ replSetInitiate: config });
}

// 3. A primary, then the default write concern.
const setUri = `mongodb://${credentials}${hosts.join(",")}/?replicaSet=${replicaSet}&${common}`;
const primary = retry("a primary", () => {
  const db = admin(setUri);
  if (!db.runCommand({ hello: 1 }).isWritablePrimary) throw new Error("no primary yet");
  return db;
});
primary.runCommand({
  setDefaultRWConcern: 1,
  defaultWriteConcern: { w: "majority", j: true },
});
const members = primary.runCommand({ replSetGetConfig: 1 }).config.members.map((m) => m.host);
const missing = hosts.filter((h) => !members.includes(h));
if (missing.length > 0) {
  // Growing a set is a reconfiguration an operator should do on purpose (rs.add), not a Job.
  print(`WARNING: ${missing.join(", ")} not in the replica set; add them with rs.add()`);
}

// 4. One user per service, its own database only.
const usersDir = env("USERS_DIR");
const services = fs.readdirSync(usersDir).filter((name) => /^[a-z][a-z0-9-]*$/.test(name));
for (const service of services) {
  const user = `tx_${service}`;
  const pwd = fs.readFileSync(`${usersDir}/${service}`, "utf8").trim();
  const roles = [{ role: "readWrite", db: user }];
  if (primary.getUser(user)) {
    primary.updateUser(user, { pwd, roles });
    print(`updated user ${user}`);
  } else {
    primary.createUser({ user, pwd, roles });
    print(`created user ${user}`);
  }
}
print("mongodb ready");
