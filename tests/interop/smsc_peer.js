#!/usr/bin/env node
// An SMSC built on the npm package `smpp` (an SMPP implementation independent of ours), for
// tst_smpp_interop_npm: accepts one kind of bind, answers every submit_sm with an id "NPM…", sends a
// delivery receipt (deliver_sm, esm_class 0x04, receipted_message_id, message_state) for each one
// that asks for it, and prints one JSON line per event on stdout, the first being
// {"event":"listening","port":N}. Runs until SIGTERM, or until the client unbinds with --exit-after-unbind.
//
//   node smsc_peer.js [--port 0] [--system-id ours] [--password pw] [--dlr-delay-ms 50] [--exit-after-unbind 1]
'use strict';

const smpp = require('smpp');

const options = {port: 0, 'system-id': '', password: '', 'dlr-delay-ms': 50, 'exit-after-unbind': 0};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options) || i + 1 >= argv.length) {
        process.stderr.write(`unknown or incomplete option ${argv[i]}\n`);
        process.exit(2);
    }
    options[key] = argv[i + 1];
}

function log(event) {
    process.stdout.write(JSON.stringify(event) + '\n');
}

// YYMMDDhhmm, the receipt's date format (SMPP 3.4 Appendix B).
function receiptDate(date) {
    const two = n => String(n).padStart(2, '0');
    return two(date.getUTCFullYear() % 100) + two(date.getUTCMonth() + 1) + two(date.getUTCDate())
        + two(date.getUTCHours()) + two(date.getUTCMinutes());
}

let counter = 0;

const server = smpp.createServer({}, session => {
    session.on('error', error => log({event: 'error', message: error.message}));

    const onBind = command => pdu => {
        const ok = (!options['system-id'] || pdu.system_id === options['system-id'])
            && (!options.password || pdu.password === options.password);
        log({event: 'bind', command, ok, systemId: pdu.system_id, interfaceVersion: pdu.interface_version});
        if (!ok) {
            session.send(pdu.response({command_status: smpp.ESME_RBINDFAIL}));
            session.close();
            return;
        }
        session.send(pdu.response({system_id: 'npm-smsc'}));
    };
    session.on('bind_transceiver', onBind('bind_transceiver'));
    session.on('bind_transmitter', onBind('bind_transmitter'));

    session.on('submit_sm', pdu => {
        const id = 'NPM' + (++counter).toString(16).toUpperCase().padStart(6, '0');
        session.send(pdu.response({message_id: id}));
        const message = pdu.short_message || {};
        const text = typeof message.message === 'string' ? message.message : Buffer.from(message.message || []).toString('hex');
        log({
            event: 'submit',
            id,
            source: pdu.source_addr,
            destination: pdu.destination_addr,
            dataCoding: pdu.data_coding,
            esmClass: pdu.esm_class,
            registeredDelivery: pdu.registered_delivery,
            text,
            udh: (message.udh || []).map(element => Buffer.from(element).toString('hex')),
            sar: pdu.sar_msg_ref_num === undefined ? null
                : {reference: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, sequence: pdu.sar_segment_seqnum},
        });
        if (!(pdu.registered_delivery & 0x01)) {
            return;
        }
        const submitted = new Date();
        setTimeout(() => {
            const quoted = text.slice(0, 20).replace(/[^A-Za-z0-9 ]/g, '.');
            session.deliver_sm({
                source_addr_ton: pdu.dest_addr_ton,
                source_addr_npi: pdu.dest_addr_npi,
                source_addr: pdu.destination_addr,
                dest_addr_ton: pdu.source_addr_ton,
                dest_addr_npi: pdu.source_addr_npi,
                destination_addr: pdu.source_addr,
                esm_class: 0x04,
                data_coding: 0,
                short_message: `id:${id} sub:001 dlvrd:001 submit date:${receiptDate(submitted)} `
                    + `done date:${receiptDate(new Date())} stat:DELIVRD err:000 text:${quoted}`,
                receipted_message_id: id,
                message_state: 2,
            }, response => log({event: 'deliver_sm_resp', id, status: response.command_status}));
        }, Number(options['dlr-delay-ms']));
    });

    session.on('enquire_link', pdu => {
        session.send(pdu.response());
        log({event: 'enquire_link'});
    });

    session.on('unbind', pdu => {
        session.send(pdu.response());
        log({event: 'unbind'});
        session.close();
        if (Number(options['exit-after-unbind'])) {
            setTimeout(() => process.exit(0), 100);
        }
    });
});

server.on('error', error => {
    log({event: 'error', message: error.message});
    process.exit(1);
});
process.on('SIGTERM', () => process.exit(0));
server.listen(Number(options.port), '127.0.0.1', () => log({event: 'listening', port: server.address().port}));
